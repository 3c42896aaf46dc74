using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Intake.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncidentClocksAndResidenceCounts : Migration
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

            migrationBuilder.CreateTable(
                name: "residence_counts",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Jurisdiction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "residence_counts");

            migrationBuilder.DropColumn(
                name: "AwareAt",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "DeterminedAt",
                table: "incidents");
        }
    }
}
