using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Regulator.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Obligations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AwareAt",
                table: "incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeterminedAt",
                table: "incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OccurredFrom",
                table: "incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OccurredTo",
                table: "incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "incidents",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "affected_counts",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Jurisdiction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    CountedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_affected_counts", x => new { x.IncidentId, x.Jurisdiction });
                });

            migrationBuilder.CreateTable(
                name: "filings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObligationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Jurisdiction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_filings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "obligations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Jurisdiction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    DueReminderFor = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    OverdueReminderFor = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_obligations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "risk_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Jurisdiction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Harm = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_risk_assessments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_filings_IncidentId",
                table: "filings",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_filings_ObligationId",
                table: "filings",
                column: "ObligationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_obligations_IncidentId",
                table: "obligations",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_risk_assessments_IncidentId",
                table: "risk_assessments",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "affected_counts");

            migrationBuilder.DropTable(
                name: "filings");

            migrationBuilder.DropTable(
                name: "obligations");

            migrationBuilder.DropTable(
                name: "risk_assessments");

            migrationBuilder.DropColumn(
                name: "AwareAt",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "DeterminedAt",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "OccurredFrom",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "OccurredTo",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "Summary",
                table: "incidents");
        }
    }
}
