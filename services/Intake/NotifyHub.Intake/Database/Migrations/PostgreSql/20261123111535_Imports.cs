using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NotifyHub.Intake.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Imports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                schema: "intake",
                table: "incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PurgedAt",
                schema: "intake",
                table: "incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetainUntil",
                schema: "intake",
                table: "incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "affected_parties",
                schema: "intake",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExternalIdIndex = table.Column<byte[]>(type: "bytea", nullable: false),
                    ReferenceCodeIndex = table.Column<byte[]>(type: "bytea", nullable: false),
                    EmailIndex = table.Column<byte[]>(type: "bytea", nullable: true),
                    PhoneIndex = table.Column<byte[]>(type: "bytea", nullable: true),
                    DateOfBirthIndex = table.Column<byte[]>(type: "bytea", nullable: true),
                    PostcodeIndex = table.Column<byte[]>(type: "bytea", nullable: true),
                    Record = table.Column<byte[]>(type: "bytea", nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    DataCategories = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedByImport = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedByImport = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_affected_parties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "import_issues",
                schema: "intake",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Line = table.Column<long>(type: "bigint", nullable: false),
                    Column = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Message = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_issues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "imports",
                schema: "intake",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Encoding = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RowsRead = table.Column<long>(type: "bigint", nullable: false),
                    Accepted = table.Column<long>(type: "bigint", nullable: false),
                    Updated = table.Column<long>(type: "bigint", nullable: false),
                    Rejected = table.Column<long>(type: "bigint", nullable: false),
                    Warnings = table.Column<long>(type: "bigint", nullable: false),
                    Failure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_imports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_affected_parties_IncidentId_ExternalIdIndex",
                schema: "intake",
                table: "affected_parties",
                columns: new[] { "IncidentId", "ExternalIdIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_affected_parties_IncidentId_ReferenceCodeIndex",
                schema: "intake",
                table: "affected_parties",
                columns: new[] { "IncidentId", "ReferenceCodeIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_import_issues_ImportId_Line",
                schema: "intake",
                table: "import_issues",
                columns: new[] { "ImportId", "Line" });

            migrationBuilder.CreateIndex(
                name: "IX_imports_IncidentId",
                schema: "intake",
                table: "imports",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "affected_parties",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "import_issues",
                schema: "intake");

            migrationBuilder.DropTable(
                name: "imports",
                schema: "intake");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                schema: "intake",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "PurgedAt",
                schema: "intake",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "RetainUntil",
                schema: "intake",
                table: "incidents");
        }
    }
}
