package io.tinymlaas.rest;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import io.javalin.router.JavalinDefaultRouting;
import io.tinymlaas.app.CostQuestion;
import io.tinymlaas.app.EnquiryView;
import io.tinymlaas.app.FeasibilityQuestion;
import io.tinymlaas.app.TinymlService;

/** Support's verdicts and the CFO's cost estimates: asked here, answered by a worker from a dry-run on the board. */
final class SupportRoutes {

    private final TinymlService service;

    SupportRoutes(TinymlService service) {
        this.service = service;
    }

    void register(JavalinDefaultRouting router) {
        router.post("/api/support-requests", this::askFeasibility, Permission.OPERATE);
        router.get("/api/support-requests/{id}", this::supportRequest, Permission.READ);
        router.post("/api/cost-estimates", this::askCost, Permission.OPERATE);
        router.get("/api/cost-estimates/{id}", this::costEstimate, Permission.READ);
    }

    @OpenApi(path = "/api/support-requests", methods = HttpMethod.POST,
            summary = "Ask whether a model (an example or a registered model version) runs on a board within limits; a worker answers ACCEPT or REJECT with every check measured (operator)",
            tags = "support", security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = FeasibilityQuestion.class)), responses = {
            @OpenApiResponse(status = "202", content = @OpenApiContent(from = EnquiryView.class)),
            @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class))})
    void askFeasibility(Context ctx) {
        ctx.status(HttpStatus.ACCEPTED).json(service.askFeasibility(Bodies.read(ctx, FeasibilityQuestion.class), RestServer.caller(ctx).name()));
    }

    @OpenApi(path = "/api/support-requests/{id}", methods = HttpMethod.GET,
            summary = "A support request: QUEUED, RUNNING, ANSWERED (the verdict and its checks) or FAILED (why)",
            tags = "support", security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true), responses = {
            @OpenApiResponse(status = "200", content = @OpenApiContent(from = EnquiryView.class)),
            @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void supportRequest(Context ctx) {
        ctx.json(service.supportRequest(Bodies.id(ctx, "id")));
    }

    @OpenApi(path = "/api/cost-estimates", methods = HttpMethod.POST,
            summary = "Ask what running an example on a board costs, TinyML against cloud, for a fleet over years; a worker answers from the instructions measured on the board (operator)",
            tags = "support", security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = CostQuestion.class)), responses = {
            @OpenApiResponse(status = "202", content = @OpenApiContent(from = EnquiryView.class)),
            @OpenApiResponse(status = "400", content = @OpenApiContent(from = ErrorBody.class))})
    void askCost(Context ctx) {
        ctx.status(HttpStatus.ACCEPTED).json(service.askCost(Bodies.read(ctx, CostQuestion.class), RestServer.caller(ctx).name()));
    }

    @OpenApi(path = "/api/cost-estimates/{id}", methods = HttpMethod.GET,
            summary = "A cost estimate: QUEUED, RUNNING, ANSWERED (the summary and every figure) or FAILED (why)",
            tags = "support", security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true), responses = {
            @OpenApiResponse(status = "200", content = @OpenApiContent(from = EnquiryView.class)),
            @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorBody.class))})
    void costEstimate(Context ctx) {
        ctx.json(service.costEstimate(Bodies.id(ctx, "id")));
    }
}
