package io.tinymlaas.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The child processes one test started: their output together for failure messages, and all of them killed at its end. */
final class ServiceProcesses implements AutoCloseable {

    private final List<ServiceProcess> started = new ArrayList<>();

    ServiceProcess start(String name, Map<String, String> environment, String... args) {
        ServiceProcess process = ServiceProcess.start(name, environment, args);
        started.add(process);
        return process;
    }

    String outputs() {
        return started.stream().map(ServiceProcess::output).collect(Collectors.joining());
    }

    @Override
    public void close() {
        started.forEach(ServiceProcess::close);
    }
}
