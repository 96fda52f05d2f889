package io.tinymlaas.store;

import io.tinymlaas.core.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/** API tokens: 32 random bytes, shown once when made, kept as a hash so a copy of the database grants nothing. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sql sql;

    public Tokens(Database database) {
        this.sql = database.sql();
    }

    /** Makes a token for {@code name} with {@code role}; the returned text is the only copy. */
    public String create(String name, Token.Role role) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "tml_" + HexFormat.of().formatHex(secret);
        sql.update("insert into api_token (token_sha256, name, role, created_at) values (?, ?, ?, ?)", hash(token), name,
                role.name(), Instant.now());
        return token;
    }

    public Optional<Token> find(String token) {
        return sql.one("select name, role, created_at from api_token where token_sha256 = ?",
                row -> new Token(row.getString("name"), Token.Role.valueOf(row.getString("role")), Sql.instant(row, "created_at")),
                hash(token));
    }

    public boolean anyWithRole(Token.Role role) {
        return sql.one("select count(*) from api_token where role = ?", row -> row.getLong(1), role.name()).orElse(0L) > 0;
    }

    private static String hash(String token) {
        return Hashes.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
