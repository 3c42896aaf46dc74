#!/usr/bin/env bash
# Adds an EF Core migration for both providers (SQLite and PostgreSQL) of one database.
#   scripts/add-migration.sh <project-dir> <Context> <MigrationName> [output-folder]
#   e.g. scripts/add-migration.sh services/Intake/NotifyHub.Intake IntakeDbContext AddImports
# output-folder defaults to Database/Migrations (one sub-folder per provider).
# Each database has a thin subclass per provider (SqliteXDbContext, PostgreSqlXDbContext) that owns
# that provider's migrations, so users upgrade either database with the same `MigrateAsync` at start.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$1 context=$2 name=$3 folder=${4:-Database/Migrations}
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" \
    --project "$project" --startup-project "$project" \
    --context "${provider}${context}" \
    --output-dir "$folder/$provider"
done
