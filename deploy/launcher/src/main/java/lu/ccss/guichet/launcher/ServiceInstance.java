package lu.ccss.guichet.launcher;

/**
 * One running (or killed) instance of a service, as {@link LocalStack#instances()} saw it.
 *
 * @param service the service's name, e.g. {@code space-service}
 * @param replica 1 for the first instance, up to {@link LauncherConfig#replicas(ServiceDef)}
 * @param pid     the process id of its current (or last) JVM
 * @param port    its HTTP port, the same after a restart
 * @param url     its base URL
 * @param alive   false once killed, until restarted
 */
public record ServiceInstance(String service, int replica, long pid, int port, String url, boolean alive) {
}
