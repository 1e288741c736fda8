{{/* Labels of every object but a service's (which adds its selector labels, instance included). */}}
{{- define "guichet.labels" -}}
{{ include "guichet.baseLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "guichet.baseLabels" -}}
app.kubernetes.io/part-of: guichet
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Selector labels of one service's pods; call with (dict "name" $name "root" $). */}}
{{- define "guichet.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* A service's settings: serviceDefaults merged under services.<name>; call with (dict "name" $name "root" $). */}}
{{- define "guichet.service" -}}
{{- $svc := index .root.Values.services .name -}}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.serviceDefaults) (deepCopy $svc)) -}}
{{- end -}}

{{/* The one image pattern: <registry>/<repository>/<service>:<tag>. */}}
{{- define "guichet.image" -}}
{{- $img := .root.Values.image -}}
{{- printf "%s/%s/%s:%s" $img.registry $img.repository .name (default .root.Chart.AppVersion $img.tag) -}}
{{- end -}}

{{/* The Secret holding a service's keys. */}}
{{- define "guichet.secretName" -}}
{{- $svc := index .root.Values.services .name -}}
{{- if $svc.existingSecret }}{{ $svc.existingSecret }}{{ else }}{{ printf "%s-secrets" .name }}{{ end -}}
{{- end -}}

{{- define "guichet.kafkaBootstrap" -}}
{{- if .Values.kafka.bootstrapServers }}{{ .Values.kafka.bootstrapServers }}
{{- else }}{{ printf "%s-kafka-bootstrap:9093" .Values.kafka.strimzi.clusterName }}{{ end -}}
{{- end -}}

{{- define "guichet.dbHost" -}}
{{- if .Values.postgres.cnpg.enabled }}{{ printf "%s-rw" .Values.postgres.cnpg.clusterName }}
{{- else }}{{ required "postgres.host is required when postgres.cnpg.enabled is false" .Values.postgres.host }}{{ end -}}
{{- end -}}

{{/* The Kafka principals and their ACLs (docs/security.md): service -> topics written and read. */}}
{{- define "guichet.kafkaAcls" -}}
space-service:
  write: [guichet.space.events, guichet.space.dead-letter]
  read: [guichet.mandate.events]
certification-service:
  write: [guichet.certification.events, guichet.certification.dead-letter]
  read: [guichet.space.events, guichet.mandate.events, guichet.mailing.events, guichet.register.events]
mandate-service:
  write: [guichet.mandate.events, guichet.mandate.dead-letter]
  read: [guichet.space.events, guichet.certification.events, guichet.mailing.events, guichet.register.events]
mailing-service:
  write: [guichet.mailing.events, guichet.mailing.inbox-documents, guichet.mailing.dead-letter]
  read: [guichet.space.events, guichet.mandate.events, guichet.edelivery.events, guichet.register.events]
edelivery-service:
  write: [guichet.edelivery.events, guichet.edelivery.dead-letter]
  read: [guichet.space.events, guichet.mandate.events, guichet.mailing.inbox-documents]
{{- end -}}
