package io.tinymlaas.app;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/** Who watches the fleet live (the event streams), and telling each of them. */
final class FleetEvents {

    private final Set<Consumer<FleetEvent>> watchers = new CopyOnWriteArraySet<>();

    AutoCloseable watch(Consumer<FleetEvent> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    void tell(String event, Object data) {
        FleetEvent change = new FleetEvent(event, data);
        watchers.forEach(watcher -> watcher.accept(change));
    }
}
