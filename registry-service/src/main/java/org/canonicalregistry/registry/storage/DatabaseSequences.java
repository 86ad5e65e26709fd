package org.canonicalregistry.registry.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;

/**
 * Ids from database sequences (created by Liquibase). Only the "next value" syntax differs between the databases the
 * registry supports, so this is the one place that looks at the product name.
 */
public final class DatabaseSequences {

    private DatabaseSequences() {
    }

    /**
     * @param sequence the sequence's name, as created by a changelog
     * @throws IllegalStateException on a database other than PostgreSQL or H2
     */
    public static DataFieldMaxValueIncrementer incrementer(DataSource dataSource, String sequence) throws SQLException {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        }
        if (product.contains("postgres")) {
            return new PostgresSequenceMaxValueIncrementer(dataSource, sequence);
        }
        if (product.contains("h2")) {
            return new H2SequenceMaxValueIncrementer(dataSource, sequence);
        }
        throw new IllegalStateException("unsupported database '" + product + "': the registry runs on PostgreSQL or H2");
    }
}
