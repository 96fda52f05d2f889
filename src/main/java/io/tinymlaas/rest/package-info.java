/**
 * A door: the service's REST API (Javalin), its OpenAPI document at /openapi.json (from the routes' annotations),
 * bearer-token auth with roles, and errors as JSON. Handlers only parse, call {@link io.tinymlaas.app.TinymlService}
 * and present.
 */
package io.tinymlaas.rest;
