package io.tinymlaas.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.core.NotFoundException;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.cost.CostAssumptions;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.store.Enquiries;
import io.tinymlaas.store.Enquiry;
import io.tinymlaas.store.ModelVersions;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Questions support and the CFO put to the service — a support request's verdict, a fleet's cost. Each is checked when
 * asked, so bad input is refused at once, and answered by a worker, since an answer may need a dry-run on a board first.
 * The answers are the ones `bin/tinyml feasible` and `bin/tinyml cost` give, from the same engine.
 */
final class SupportDesk {

    /** The REST API's own naming (camelCase), as the questions and answers are shown there as they are. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DEFAULT_FLEET = 1000;
    private static final double DEFAULT_YEARS = 3;

    private final Tinyml engine;
    private final Enquiries enquiries;
    private final ModelVersions models;

    SupportDesk(Tinyml engine, Enquiries enquiries, ModelVersions models) {
        this.engine = engine;
        this.enquiries = enquiries;
        this.models = models;
    }

    EnquiryView askFeasibility(FeasibilityQuestion question, String by, LongConsumer enqueue) {
        Fields.required("model", question.model());
        new Feasibility(engine).check(feasibilityRequest(question));
        assumptions(question.assumptions());
        return queued(Enquiry.FEASIBILITY, question, by, enqueue);
    }

    EnquiryView askCost(CostQuestion question, String by, LongConsumer enqueue) {
        new CostEstimates(engine).check(costRequest(question));
        assumptions(question.assumptions());
        return queued(Enquiry.COST, question, by, enqueue);
    }

    private EnquiryView queued(String kind, Object question, String by, LongConsumer enqueue) {
        Enquiry enquiry = enquiries.create(kind, json(question), by);
        enqueue.accept(enquiry.id());
        return view(enquiries.get(enquiry.id()));
    }

    /** The enquiry of this kind with this id; one of another kind is not found, so each route sees only its own. */
    EnquiryView view(long id, String kind) {
        Enquiry enquiry = enquiries.get(id);
        if (!enquiry.kind().equals(kind)) {
            throw new NotFoundException("no " + (kind.equals(Enquiry.COST) ? "cost estimate" : "support request") + " with id " + id);
        }
        return view(enquiry);
    }

    /** Answers an enquiry on this worker; one that has ended already is left as it is. */
    void answer(long id, String worker) {
        Enquiry enquiry = enquiries.get(id);
        if (!enquiries.start(id, worker)) {
            return;
        }
        try {
            JsonNode question = read(enquiry.question(), "question of enquiry " + id);
            JsonNode answer = enquiry.kind().equals(Enquiry.COST)
                    ? cost(JSON.treeToValue(question, CostQuestion.class))
                    : feasibility(JSON.treeToValue(question, FeasibilityQuestion.class));
            enquiries.answer(id, json(answer));
        } catch (TinymlException e) {
            enquiries.fail(id, e.getMessage());
        } catch (JsonProcessingException e) {
            enquiries.fail(id, "the registry holds a question this version cannot read: " + e.getOriginalMessage());
        }
    }

    private JsonNode feasibility(FeasibilityQuestion question) {
        FeasibilityVerdict verdict = new Feasibility(engine).judge(feasibilityRequest(question), assumptions(question.assumptions()),
                stage -> { });
        ObjectNode answer = JSON.createObjectNode();
        answer.put("verdict", verdict.verdict());
        answer.put("model", question.model());
        answer.put("board", question.board());
        answer.set("checks", JSON.valueToTree(verdict.checks()));
        return answer;
    }

    private JsonNode cost(CostQuestion question) {
        CostOutcome outcome = new CostEstimates(engine).estimate(costRequest(question), assumptions(question.assumptions()), stage -> { });
        ObjectNode answer = JSON.createObjectNode();
        answer.put("summary", outcome.summary());
        answer.put("measuredNow", outcome.measuredNow());
        answer.set("estimate", JSON.valueToTree(outcome.estimate()));
        return answer;
    }

    /** The request the engine judges: an example by name, or the file of the model version the question names. */
    private FeasibilityRequest feasibilityRequest(FeasibilityQuestion q) {
        String model = Examples.names().contains(q.model()) ? q.model() : modelFile(q.model());
        return new FeasibilityRequest(model, Fields.required("board", q.board()), q.latencyMs(), q.accuracy(), q.batteryDays(), null);
    }

    private String modelFile(String modelId) {
        try {
            return Path.of(models.get(modelId).modelFile()).toString();
        } catch (NotFoundException e) {
            throw new InvalidInputException("model", "'" + modelId + "' is neither an example (" + String.join(", ", Examples.names())
                    + ") nor a model version in the registry");
        }
    }

    private static CostRequest costRequest(CostQuestion q) {
        return new CostRequest(Fields.required("example", q.example()), Fields.required("board", q.board()),
                q.fleet() == null ? DEFAULT_FLEET : q.fleet(), q.years() == null ? DEFAULT_YEARS : q.years(), null,
                Boolean.TRUE.equals(q.measureAgain()));
    }

    private static CostAssumptions assumptions(String yaml) {
        return yaml == null || yaml.isBlank() ? CostAssumptions.defaults() : CostAssumptions.parse("the text sent", yaml);
    }

    private static EnquiryView view(Enquiry e) {
        return new EnquiryView(e.id(), e.kind(), e.state(), read(e.question(), "question of enquiry " + e.id()),
                e.answer() == null ? null : read(e.answer(), "answer of enquiry " + e.id()), e.error(), e.worker(), e.createdBy(),
                e.createdAt(), e.endedAt());
    }

    private static JsonNode read(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TinymlException("the registry's " + what + " is not the JSON it should be: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TinymlException("cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
