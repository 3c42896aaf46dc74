using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Regulator.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Obligations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AwareAt",
                schema: "regulator",
                table: "incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeterminedAt",
                schema: "regulator",
                table: "incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OccurredFrom",
                schema: "regulator",
                table: "incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OccurredTo",
                schema: "regulator",
                table: "incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                schema: "regulator",
                table: "incidents",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "affected_counts",
                schema: "regulator",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Jurisdiction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    CountedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_affected_counts", x => new { x.IncidentId, x.Jurisdiction });
                });

            migrationBuilder.CreateTable(
                name: "filings",
                schema: "regulator",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ObligationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Jurisdiction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_filings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "obligations",
                schema: "regulator",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Jurisdiction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DueReminderFor = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverdueReminderFor = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_obligations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "risk_assessments",
                schema: "regulator",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Jurisdiction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Harm = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_risk_assessments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_filings_IncidentId",
                schema: "regulator",
                table: "filings",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_filings_ObligationId",
                schema: "regulator",
                table: "filings",
                column: "ObligationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_obligations_IncidentId",
                schema: "regulator",
                table: "obligations",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_risk_assessments_IncidentId",
                schema: "regulator",
                table: "risk_assessments",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "affected_counts",
                schema: "regulator");

            migrationBuilder.DropTable(
                name: "filings",
                schema: "regulator");

            migrationBuilder.DropTable(
                name: "obligations",
                schema: "regulator");

            migrationBuilder.DropTable(
                name: "risk_assessments",
                schema: "regulator");

            migrationBuilder.DropColumn(
                name: "AwareAt",
                schema: "regulator",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "DeterminedAt",
                schema: "regulator",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "OccurredFrom",
                schema: "regulator",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "OccurredTo",
                schema: "regulator",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "Summary",
                schema: "regulator",
                table: "incidents");
        }
    }
}
