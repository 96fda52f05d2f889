package io.tinymlaas.app;

import io.tinymlaas.core.ConflictException;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.NotFoundException;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.DatasetStore;
import io.tinymlaas.device.ToolchainProbe;
import io.tinymlaas.registry.ModelRegistry;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.store.BridgeAccount;
import io.tinymlaas.store.Bridges;
import io.tinymlaas.store.Database;
import io.tinymlaas.store.DatasetVersion;
import io.tinymlaas.store.DatasetVersions;
import io.tinymlaas.store.Device;
import io.tinymlaas.store.DeviceHealths;
import io.tinymlaas.store.DeviceImage;
import io.tinymlaas.store.DeviceImages;
import io.tinymlaas.store.Devices;
import io.tinymlaas.store.Enquiries;
import io.tinymlaas.store.Enquiry;
import io.tinymlaas.store.FleetAlerts;
import io.tinymlaas.store.FleetReports;
import io.tinymlaas.store.Matrices;
import io.tinymlaas.store.ModelVersion;
import io.tinymlaas.store.ModelVersions;
import io.tinymlaas.store.Pipeline;
import io.tinymlaas.store.PipelineRun;
import io.tinymlaas.store.PipelineRuns;
import io.tinymlaas.store.Pipelines;
import io.tinymlaas.store.Rollout;
import io.tinymlaas.store.Token;
import io.tinymlaas.store.Tokens;
import io.tinymlaas.store.Toolchain;
import io.tinymlaas.store.Toolchains;
import io.tinymlaas.telemetry.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The engine as a service: the registry database (devices, models with their lineage, data sets, toolchains, pipelines
 * and their runs, API tokens) in front of {@link Tinyml}. The REST API, the job workers and the CLI's serve and worker
 * commands call this and nothing else.
 */
public final class TinymlService implements AutoCloseable {

    private final Tinyml engine;
    private final Database database;
    private final Devices devices;
    private final Toolchains toolchains;
    private final Tokens tokens;
    private final ModelVersions models;
    private final DatasetVersions datasets;
    private final Pipelines pipelines;
    private final PipelineRuns runs;
    private final io.tinymlaas.store.Rollouts rollouts;
    private final ModelRollout modelRollout;
    private final PipelineRunner runner;
    private final BoardMatrices boardMatrices;
    private final SupportDesk supportDesk;
    private final DeviceImages images;
    private final Bridges bridges;
    private final FleetReports fleetReports;
    private final FleetView fleetView;
    private final FleetEvents fleetEvents = new FleetEvents();
    private JobQueue queue;
    private Telemetry telemetry;

    private TinymlService(Tinyml engine, Database database) {
        this.engine = engine;
        this.database = database;
        this.devices = new Devices(database);
        this.toolchains = new Toolchains(database);
        this.tokens = new Tokens(database);
        this.models = new ModelVersions(database);
        this.datasets = new DatasetVersions(database);
        this.pipelines = new Pipelines(database);
        this.runs = new PipelineRuns(database);
        this.rollouts = new io.tinymlaas.store.Rollouts(database);
        this.images = new DeviceImages(database);
        this.modelRollout = new ModelRollout(engine, devices, images, rollouts);
        this.bridges = new Bridges(database);
        this.fleetReports = new FleetReports(database);
        this.fleetView = new FleetView(devices, new DeviceHealths(database), images, bridges, fleetReports, new FleetAlerts(database));
        this.runner = new PipelineRunner(engine, pipelines, runs, models, this::importFileStores);
        this.boardMatrices = new BoardMatrices(engine, new Matrices(database), runs, models, runner);
        this.supportDesk = new SupportDesk(engine, new Enquiries(database), models);
    }

    /**
     * Opens the registry at {@code jdbcUrl} (migrating it), brings in what the file stores hold that it does not, makes
     * sure the built-in toolchains are registered, and connects the job engine {@code queue} makes for it.
     */
    public static TinymlService open(Tinyml engine, String jdbcUrl, String user, String password,
                                     Function<TinymlService, JobQueue> queue) {
        TinymlService service = new TinymlService(engine, Database.open(jdbcUrl, user, password));
        try {
            service.importFileStores();
            service.registerBuiltInToolchains();
            service.queue = queue.apply(service);
            return service;
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /** The embedded database's JDBC URL for a data folder: what {@code serve} uses when given no database. */
    public static String embeddedDatabase(Path folder) {
        return Database.h2Url(folder);
    }

    /** Where the job engine keeps its jobs: the registry's own database, so every worker on it sees every job. */
    public DataSource jobStorage() {
        return database.dataSource();
    }

    /** "H2" or "PostgreSQL". */
    public String databaseKind() {
        return database.kind();
    }

    public Tinyml engine() {
        return engine;
    }

    // ---- tokens --------------------------------------------------------------------------------------------------

    public Optional<Token> authenticate(String token) {
        return token == null || token.isBlank() ? Optional.empty() : tokens.find(token.strip());
    }

    public String createToken(String name, Token.Role role) {
        return tokens.create(Fields.name("name", name), role);
    }

    /** A token for the first operator when the registry has none yet; empty afterwards, as the first one was shown once. */
    public Optional<String> firstOperatorToken() {
        return tokens.anyWithRole(Token.Role.OPERATOR) ? Optional.empty()
                : Optional.of(tokens.create("first operator", Token.Role.OPERATOR));
    }

    // ---- boards and devices ----------------------------------------------------------------------------------------

    public List<BoardListing> boards() {
        return engine.boards();
    }

    public BoardListing board(String id) {
        return boards().stream().filter(board -> board.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("no board '" + id + "'; GET /api/boards lists them"));
    }

    public Device registerDevice(DeviceRegistration request) {
        String name = Fields.name("name", request.name());
        String board = Fields.required("board", request.board());
        if (!engine.boardIds().contains(board)) {
            throw new InvalidInputException("board", "no board '" + board + "'; known: " + String.join(", ", engine.boardIds()));
        }
        String transport = Fields.required("transport", request.transport());
        if (!Device.TRANSPORTS.contains(transport)) {
            throw new InvalidInputException("transport", "'" + transport + "' is neither of " + String.join(", ", Device.TRANSPORTS));
        }
        boolean serial = transport.equals("serial");
        if (serial == (request.port() == null || request.port().isBlank())) {
            throw new InvalidInputException("port", serial ? "a serial device needs the port it is attached to, e.g. /dev/ttyACM0"
                    : "an emulated device has no port; leave it out");
        }
        return devices.register(name, board, transport, request.port(), request.location() == null ? "" : request.location(),
                request.tags() == null ? List.of() : request.tags());
    }

    public List<Device> devices() {
        return devices.list();
    }

    public Device device(long id) {
        return devices.get(id);
    }

    public void deleteDevice(long id) {
        devices.delete(id);
    }

    /** Makes an emulated device's next flash show a fault ({@link Device#FAULTS}), to rehearse a rollback. */
    public Device simulateFault(long id, String fault) {
        Device device = devices.get(id);
        if (!Device.FAULTS.contains(Fields.required("fault", fault))) {
            throw new InvalidInputException("fault", "'" + fault + "' is none of " + String.join(", ", Device.FAULTS));
        }
        if (!device.transport().equals("emulator")) {
            throw new InvalidInputException("fault", "only an emulated device can be told to fail; " + device.name()
                    + " is reached over " + device.transport());
        }
        return devices.simulateFault(id, fault);
    }

    // ---- assigning models to devices -------------------------------------------------------------------------------

    /**
     * Queues a rollout of a model to devices as a job: each device is updated over the air and verified, or rolled back
     * to its previous firmware, group by group until done or stopped by the error threshold. Watch it with {@link #rollout}.
     */
    public Rollout rollout(RolloutRequest request, String createdBy) {
        Rollout rollout = modelRollout.queue(request, modelNamedIn(request.modelId()), createdBy);
        queue.enqueueRollout(rollout.id());
        return rollout;
    }

    /** Runs a queued rollout, for a job worker; a rollout that has ended is left alone. */
    public void executeRollout(long rolloutId) {
        modelRollout.execute(rolloutId, models.get(rollouts.get(rolloutId).modelId()));
    }

    private ModelVersion modelNamedIn(String modelId) {
        try {
            return models.get(Fields.required("modelId", modelId));
        } catch (NotFoundException e) {
            throw new InvalidInputException("modelId", e.getMessage());
        }
    }

    public List<Rollout> rollouts() {
        return rollouts.list();
    }

    public Rollout rollout(long id) {
        return rollouts.get(id);
    }

    /** Cancels a rollout: a queued one at once, a running one before its next device (a flash is never cut off). */
    public Rollout cancelRollout(long id, String by) {
        return rollouts.cancel(id, by);
    }

    // ---- the fleet: bridges and their devices' telemetry over MQTT ----------------------------------------------------

    /**
     * Starts hearing the fleet: starts the MQTT broker (or joins the external one {@code options} names), subscribes to
     * every bridge's reports and marks devices offline whose heartbeats stop. Only the serving process does this.
     */
    public void startTelemetry(TelemetryOptions options) {
        if (telemetry != null) {
            throw new IllegalStateException("telemetry is started already");
        }
        telemetry = Telemetry.start(options, bridges, commands -> new FleetIngest(devices, new DeviceHealths(database), images,
                bridges, fleetReports, new FleetAlerts(database), fleetView, fleetEvents, commands));
    }

    /**
     * Registers a bridge for emulated devices (each leaves any bridge it had) and issues its credentials: a secret that is
     * its broker password and its API token (viewer), shown only here.
     */
    public BridgeCredentials registerBridge(BridgeRequest request) {
        String name = Fields.name("name", request.name());
        if (!name.matches("[A-Za-z0-9_-]+") || name.equals(Topics.SERVICE_USER)) {
            throw new InvalidInputException("name", "'" + name + "' is a bridge's broker user name and topic: letters, digits,"
                    + " '-' and '_' only, and not " + Topics.SERVICE_USER);
        }
        List<Long> deviceIds = EmulatedDevices.named(devices, request.devices(), "bridges run").stream().map(Device::id).toList();
        String broker = requireTelemetry().brokerUrl();
        if (bridges.byName(name).isPresent()) {
            throw new ConflictException("a bridge named '" + name + "' is already registered");
        }
        String secret = tokens.create("bridge " + name, Token.Role.VIEWER);
        telemetry.admit(name, secret);
        BridgeAccount account = bridges.create(name, secret, deviceIds);
        return new BridgeCredentials(new FleetBridge(account, broker), secret);
    }

    /** The MQTT broker the fleet's bridges report to. */
    public String brokerUrl() {
        return requireTelemetry().brokerUrl();
    }

    /** Whether this process hears the fleet (the serving one does, once {@link #startTelemetry} ran). */
    public boolean hearsFleet() {
        return telemetry != null;
    }

    public List<FleetBridge> bridges() {
        String broker = telemetry == null ? null : telemetry.brokerUrl();
        return bridges.list().stream().map(account -> new FleetBridge(account, broker)).toList();
    }

    public FleetBridge bridge(String name) {
        return new FleetBridge(bridges.byName(name).orElseThrow(() -> new NotFoundException("no bridge named '" + name + "'")),
                telemetry == null ? null : telemetry.brokerUrl());
    }

    /** The image an emulated device's flash holds, for its bridge to boot. */
    public FirmwareImage firmware(long deviceId) {
        Device device = devices.get(deviceId);
        DeviceImage image = images.find(deviceId, DeviceImage.ACTIVE).orElseThrow(() -> new NotFoundException("device "
                + device.name() + " has no firmware in its flash yet; assign it a model (POST /api/rollouts)"));
        return new FirmwareImage(deviceId, device.board(), image.modelId(), image.modelHash(), image.sha256(), image.inputBytes(),
                image.image());
    }

    public List<FleetDevice> fleetDevices() {
        return fleetView.devices();
    }

    public FleetDevice fleetDevice(long id) {
        return fleetView.device(id);
    }

    public FleetSummary fleetSummary() {
        return fleetView.summary();
    }

    /** Tells {@code watcher} of every change in the fleet this process hears, until the returned handle is closed. */
    public AutoCloseable watchFleet(Consumer<FleetEvent> watcher) {
        return fleetEvents.watch(watcher);
    }

    /** When each report since {@code since} was sent and heard: the fleet benchmark's delays. */
    List<FleetReports.Timing> fleetTimings(Instant since) {
        return fleetReports.timings(since);
    }

    /** Restarts the MQTT broker the service started, dropping every connection: to rehearse a broker outage. */
    public void restartBroker() {
        requireTelemetry().restartBroker();
    }

    private Telemetry requireTelemetry() {
        if (telemetry == null) {
            throw new TinymlException("this process does not run the fleet's MQTT link; `tinyml serve` does");
        }
        return telemetry;
    }

    // ---- toolchains ---------------------------------------------------------------------------------------------

    public Toolchain registerToolchain(ToolchainRegistration request) {
        String name = Fields.name("name", request.name());
        String kind = Fields.required("kind", request.kind());
        String command = Fields.required("command", request.command());
        if (!ToolchainProbe.KINDS.contains(kind)) {
            throw new InvalidInputException("kind", "'" + kind + "' is none of " + String.join(", ", ToolchainProbe.KINDS));
        }
        ToolchainProbe.Probe probe = ToolchainProbe.probe(kind, command);
        return toolchains.register(name, kind, command, probe.targets(), check(probe));
    }

    /** Runs a toolchain's health check again and records what it found. */
    public Toolchain checkToolchain(long id) {
        Toolchain toolchain = toolchains.get(id);
        return toolchains.checked(id, check(ToolchainProbe.probe(toolchain.kind(), toolchain.command())));
    }

    public List<Toolchain> toolchains() {
        return toolchains.list();
    }

    public Toolchain toolchain(long id) {
        return toolchains.get(id);
    }

    private void registerBuiltInToolchains() {
        for (ToolchainProbe.Default builtIn : ToolchainProbe.defaults()) {
            if (toolchains.byName(builtIn.name()).isEmpty()) {
                registerToolchain(new ToolchainRegistration(builtIn.name(), builtIn.kind(), builtIn.command()));
            }
        }
    }

    private static Toolchains.Check check(ToolchainProbe.Probe probe) {
        return new Toolchains.Check(probe.installed(), probe.version(), probe.reason());
    }

    // ---- models and data sets -------------------------------------------------------------------------------------

    /** Brings in every model and data set version the file stores hold that the registry does not; returns how many. */
    public int importFileStores() {
        return models.importFrom(new ModelRegistry(engine.layout().models()))
                + datasets.importFrom(new DatasetStore(engine.layout().datasets()));
    }

    /**
     * Registers a model that was not trained here from its int8 .tflite file: it is read and compiled first, so a file
     * that is not a model, or uses an operator we do not support, is refused before anything is stored.
     */
    public ModelVersion registerModelFile(String name, byte[] tflite) {
        String checked = Fields.name("name", name);
        if (!checked.matches("[A-Za-z0-9_.-]+")) {
            throw new InvalidInputException("name", "'" + checked + "' may hold only letters, digits, '_', '.' and '-'");
        }
        if (tflite.length == 0) {
            throw new InvalidInputException("body", "is empty; send the .tflite file's bytes");
        }
        String sha256 = Hashes.sha256(tflite);
        Path file = engine.layout().output().resolve("imported-models").resolve(sha256 + ".tflite");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, tflite);
        } catch (IOException e) {
            throw new TinymlException("cannot keep the model in " + file + ": " + IoFailure.reason(e), e);
        }
        try {
            engine.compile(file);
        } catch (TinymlException e) {
            deleteQuietly(file);
            throw e;
        }
        return models.registerFile(checked + "-" + sha256.substring(0, 12), file.toString(), sha256, tflite.length);
    }

    public List<ModelVersion> models() {
        return models.list();
    }

    public ModelVersion model(String id) {
        return models.get(id);
    }

    public List<DatasetVersion> datasets() {
        return datasets.list();
    }

    public DatasetVersion dataset(String name, String version) {
        return datasets.get(name, version);
    }

    // ---- pipelines ----------------------------------------------------------------------------------------------

    public Pipeline createPipeline(PipelineDefinition definition, String createdBy) {
        return runner.create(definition, createdBy);
    }

    /**
     * Starts a board matrix: one pipeline run per target that an emulator here runs, to the last stage, each a job of its
     * own; a target no emulator here runs gets a cell saying why. Every cell is checked before any is started.
     */
    public MatrixView startMatrix(MatrixRequest request, String createdBy) {
        return boardMatrices.start(request, createdBy, (cell, by) -> startRun(runner.create(cell, by).id()).id());
    }

    public MatrixView matrix(long id) {
        return boardMatrices.view(id);
    }

    // ---- questions for support and the CFO, answered by workers ----------------------------------------------------

    /** Queues a support request's verdict, refusing bad input (unknown model or board, a limit out of range) at once. */
    public EnquiryView askFeasibility(FeasibilityQuestion question, String by) {
        return supportDesk.askFeasibility(question, by, id -> queue.enqueueEnquiry(id));
    }

    /** Queues a cost estimate, refusing bad input (unknown example or board, bad assumptions, no fleet) at once. */
    public EnquiryView askCost(CostQuestion question, String by) {
        return supportDesk.askCost(question, by, id -> queue.enqueueEnquiry(id));
    }

    public EnquiryView supportRequest(long id) {
        return supportDesk.view(id, Enquiry.FEASIBILITY);
    }

    public EnquiryView costEstimate(long id) {
        return supportDesk.view(id, Enquiry.COST);
    }

    /** Answers a queued question on this worker (the job engine calls it). */
    public void answerEnquiry(long id, String worker) {
        supportDesk.answer(id, worker);
    }

    /** The CTO's nightly run as jobs: one matrix per example, over x86 and every board. */
    public List<MatrixView> startNightly(List<String> examples, String createdBy) {
        // every example is checked before any matrix starts, so a typo never leaves half a night queued
        examples.stream().filter(example -> !Examples.names().contains(example)).findFirst().ifPresent(unknown -> {
            throw new InvalidInputException("examples", "no example '" + unknown + "'; known: " + String.join(", ", Examples.names()));
        });
        return examples.stream().map(example -> startMatrix(new MatrixRequest(example, List.of(Tinyml.ALL_TARGETS), null, null),
                createdBy)).toList();
    }

    /** Writes the nightly report (HTML and JUnit XML) of finished matrices where `dry-run --all` writes it. */
    public NightlyOutcome writeNightly(List<Long> matrixIds, String startedAt) {
        matrixIds.forEach(boardMatrices::write);
        return engine.nightlyReport(matrixIds.stream().map(boardMatrices::nightly).toList(), startedAt);
    }

    /** Writes a matrix's matrix.md and matrix.json where `dry-run --board all` writes its own. */
    public WrittenMatrix writeMatrix(long id) {
        return boardMatrices.write(id);
    }

    public List<Pipeline> pipelines() {
        return pipelines.list();
    }

    public Pipeline pipeline(long id) {
        return pipelines.get(id);
    }

    /** Starts a run of the pipeline as a job; it is queued until a worker takes it. */
    public PipelineRun startRun(long pipelineId) {
        pipelines.get(pipelineId);
        PipelineRun run = runs.create(pipelineId);
        runs.queued(run.id(), queue.enqueueRun(run.id()));
        return runs.get(run.id());
    }

    public List<PipelineRun> runs(long pipelineId) {
        pipelines.get(pipelineId);
        return runs.ofPipeline(pipelineId);
    }

    public PipelineRun run(long runId) {
        return runs.get(runId);
    }

    public PipelineRun cancelRun(long runId) {
        return runs.cancel(runId);
    }

    /**
     * Does a run, for a job worker: claims it (a run that ended or was cancelled is left alone, so a job handed on after a
     * worker died never runs a finished pipeline twice), runs the pipeline's stages recording each as it ends, and
     * registers the model and the firmware it made. The run names {@code worker} as the one that did it.
     */
    public void execute(long runId, String worker) {
        runner.execute(runId, worker);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the refusal is what the caller needs to hear; a stray copy of a refused file harms nothing
        }
    }

    // ---- checks -------------------------------------------------------------------------------------------------

    @Override
    public void close() {
        if (telemetry != null) {
            telemetry.close();
        }
        if (queue != null) {
            queue.close();
        }
        database.close();
    }
}
