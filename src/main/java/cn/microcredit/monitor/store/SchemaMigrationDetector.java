package cn.microcredit.monitor.store;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Boot that {@link SchemaMigration} initializes the database, as Boot's own detectors tell it of its Flyway
 * beans: every bean Boot knows to need the schema (JDBC templates, the job repository, beans marked
 * {@code @DependsOnDatabaseInitialization}) is created after it, and so is Spring Batch's schema script, whose
 * detector comes later in order. Listed in {@code META-INF/spring.factories}.
 */
class SchemaMigrationDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(SchemaMigration.class);
    }
}
