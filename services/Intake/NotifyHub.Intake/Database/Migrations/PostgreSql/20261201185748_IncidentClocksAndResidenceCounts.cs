using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Intake.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class IncidentClocksAndResidenceCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AwareAt",
                schema: "intake",
                table: "incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeterminedAt",
                schema: "intake",
                table: "incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "residence_counts",
                schema: "intake",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Jurisdiction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_residence_counts", x => new { x.IncidentId, x.Jurisdiction });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "residence_counts",
                schema: "intake");

            migrationBuilder.DropColumn(
                name: "AwareAt",
                schema: "intake",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "DeterminedAt",
                schema: "intake",
                table: "incidents");
        }
    }
}
