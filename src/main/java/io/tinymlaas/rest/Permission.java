package io.tinymlaas.rest;

import io.javalin.security.RouteRole;
import io.tinymlaas.store.Token.Role;
import java.util.Set;

/** What a route asks of the caller's token, and which roles grant it. */
enum Permission implements RouteRole {
    /** Reading anything: every role. */
    READ(Set.of(Role.VIEWER, Role.DATA_SCIENTIST, Role.OPERATOR), "any"),
    /** Data, labels, training and models. */
    DATA(Set.of(Role.DATA_SCIENTIST), "data_scientist"),
    /** Registering a model file: the data scientist's models, and the operator's models to update devices with. */
    MODELS(Set.of(Role.DATA_SCIENTIST, Role.OPERATOR), "data_scientist or operator"),
    /** Registering devices and toolchains, assigning models, running pipelines, making tokens. */
    OPERATE(Set.of(Role.OPERATOR), "operator");

    private final Set<Role> granted;
    private final String roleNeeded;

    Permission(Set<Role> granted, String roleNeeded) {
        this.granted = granted;
        this.roleNeeded = roleNeeded;
    }

    boolean grantedTo(Role role) {
        return granted.contains(role);
    }

    String roleNeeded() {
        return roleNeeded;
    }
}
