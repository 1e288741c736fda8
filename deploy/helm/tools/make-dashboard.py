#!/usr/bin/env python3
"""Writes deploy/helm/guichet/dashboards/guichet.json, the Grafana dashboard of the chart. Edit here, then run it."""
import json, os

panels = []
y = 0
def panel(title, exprs, unit="short", kind="timeseries", w=12, desc=""):
    global y
    i = len(panels)
    x = 0 if i % 2 == 0 else 12
    if w == 24: x = 0
    p = {"id": i + 1, "type": kind, "title": title, "description": desc,
         "datasource": {"type": "prometheus", "uid": "${datasource}"},
         "gridPos": {"x": x, "y": y, "w": w, "h": 8},
         "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
         "targets": [{"refId": chr(65 + j), "expr": e, "legendFormat": l,
                      "datasource": {"type": "prometheus", "uid": "${datasource}"}} for j, (e, l) in enumerate(exprs)]}
    panels.append(p)
    if x == 12 or w == 24: y += 8

SEL = 'namespace="$namespace", job=~"$service"'
panel("Requests per second by endpoint",
      [(f'sum by (job, method, uri) (rate(http_server_requests_seconds_count{{{SEL}}}[5m]))', "{{job}} {{method}} {{uri}}")],
      "reqps", desc="http_server_requests_seconds_count (Quarkus Micrometer), per route template")
panel("Mean latency by endpoint",
      [(f'sum by (job, method, uri) (rate(http_server_requests_seconds_sum{{{SEL}}}[5m])) / sum by (job, method, uri) (rate(http_server_requests_seconds_count{{{SEL}}}[5m]))', "{{job}} {{method}} {{uri}}")],
      "s")
panel("Slowest request by endpoint (max over the scrape)",
      [(f'max by (job, method, uri) (http_server_requests_seconds_max{{{SEL}}})', "{{job}} {{method}} {{uri}}")], "s")
panel("5xx answers per second",
      [(f'sum by (job, uri) (rate(http_server_requests_seconds_count{{{SEL}, outcome="SERVER_ERROR"}}[5m]))', "{{job}} {{uri}}")], "reqps")
panel("Outbox: events waiting for the broker",
      [(f'max by (job) (guichet_outbox_pending_events{{{SEL}}})', "{{job}}")], "short",
      desc="guichet_outbox_pending_events: rows written with a change, not yet acknowledged by Kafka")
panel("Outbox: age of the oldest waiting event",
      [(f'max by (job) (guichet_outbox_oldest_pending_age_seconds{{{SEL}}})', "{{job}}")], "s",
      desc="alert GuichetOutboxLagGrowing above 60 s for 2 minutes")
panel("Consumer lag (records behind)",
      [(f'max by (job, client_id) (kafka_consumer_fetch_manager_records_lag_max{{{SEL}}})', "{{job}} {{client_id}}")], "short",
      desc="alert GuichetConsumerLag above 100 for 2 minutes")
panel("Dead letters (last hour)",
      [(f'sum by (job, consumer, reason) (increase(guichet_events_dead_lettered_total{{{SEL}}}[1h]))', "{{job}} {{consumer}} {{reason}}")], "short",
      desc="any dead letter pages the operator (GuichetDeadLetter); replay with dead-letter-replay")
panel("Letters waiting for print",
      [('max by (job) (guichet_letters_awaiting_print{namespace="$namespace"})', "{{job}}")], "short",
      desc="mailing-service: letters rendered (GENERATED), not yet in a print batch")
panel("Access codes locked (per hour)",
      [('sum by (job) (increase(guichet_codes_locked_total{namespace="$namespace"}[1h]))', "{{job}}")], "short",
      desc="mandate-service: codes locked after too many failed attempts")
panel("Signing certificate: days left",
      [('min by (job, certificate) (guichet_certificate_expiry_timestamp_seconds{namespace="$namespace"} - time()) / 86400', "{{job}} {{certificate}}")], "d",
      kind="stat", w=24)

dash = {
    "title": "Guichet", "uid": "guichet-overview", "schemaVersion": 39, "version": 1, "editable": True,
    "tags": ["guichet"], "time": {"from": "now-6h", "to": "now"}, "refresh": "30s",
    "templating": {"list": [
        {"name": "datasource", "type": "datasource", "query": "prometheus", "label": "Data source"},
        {"name": "namespace", "type": "query", "datasource": {"type": "prometheus", "uid": "${datasource}"},
         "query": "label_values(guichet_outbox_pending_events, namespace)", "refresh": 2},
        {"name": "service", "type": "query", "datasource": {"type": "prometheus", "uid": "${datasource}"},
         "query": 'label_values(guichet_outbox_pending_events{namespace="$namespace"}, job)', "refresh": 2,
         "multi": True, "includeAll": True, "allValue": ".*"},
    ]},
    "panels": panels,
}
out = os.path.join(os.path.dirname(__file__), "..", "guichet", "dashboards", "guichet.json")
with open(out, "w") as f:
    json.dump(dash, f, indent=2)
    f.write("\n")
