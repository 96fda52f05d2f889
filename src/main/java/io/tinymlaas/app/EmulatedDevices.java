package io.tinymlaas.app;

import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.core.NotFoundException;
import io.tinymlaas.store.Device;
import io.tinymlaas.store.Devices;
import java.util.List;

/** The devices a request names, each registered and emulated, or the request refused naming its "devices" field. */
final class EmulatedDevices {

    private EmulatedDevices() {
    }

    /** Each id once, in the order given; {@code onlyEmulated} says what reaches emulated devices only, e.g. "bridges run". */
    static List<Device> named(Devices devices, List<Long> ids, String onlyEmulated) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("devices", "name at least one device id");
        }
        return ids.stream().distinct().map(id -> {
            Device device;
            try {
                device = devices.get(id);
            } catch (NotFoundException e) {
                throw new InvalidInputException("devices", e.getMessage());
            }
            if (!device.transport().equals("emulator")) {
                throw new InvalidInputException("devices", "device " + device.name() + " is reached over " + device.transport()
                        + "; " + onlyEmulated + " emulated devices only so far");
            }
            return device;
        }).toList();
    }
}
