package io.tinymlaas.rest;

/**
 * Every error the API answers, as JSON.
 *
 * @param field the request field at fault (400), else null
 * @param role  the role the route needs (403), else null
 */
public record ErrorBody(int status, String error, String message, String field, String role) {
}
