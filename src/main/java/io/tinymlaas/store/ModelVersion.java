package io.tinymlaas.store;

import io.tinymlaas.report.Quality;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One model in the registry database with its whole lineage: the float model file, the exact data version it was trained
 * on, the seed and training figures, the int8 file it was converted to and judged on, and the firmware built from it.
 *
 * @param seed      null for models stored before seeds were recorded
 * @param int8File  null (with its hash and size) until the int8 model has been judged
 * @param quality   empty until judged
 * @param firmware  one build per board, by board
 */
public record ModelVersion(String id, String example, Instant storedAt, String modelFile, String modelSha256, String dataName,
                           String dataVersion, String dataSha256, Long seed, Map<String, Object> training, String int8File,
                           String int8Sha256, Integer int8Bytes, List<Quality> quality, boolean qualityPassed,
                           List<FirmwareBuild> firmware) {
}
