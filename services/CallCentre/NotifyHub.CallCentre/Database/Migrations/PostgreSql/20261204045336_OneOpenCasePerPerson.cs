using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.CallCentre.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class OneOpenCasePerPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_VendorId_IncidentId_PersonId_Status",
                schema: "callcentre",
                table: "cases");

            // Databases from before the index may hold two open cases for one person (two agents verifying at once):
            // the oldest stays open, the others are closed as "other" (their notes and callbacks stay with them).
            migrationBuilder.Sql("""
                UPDATE callcentre.cases AS c SET "Status" = 'closed', "Outcome" = 'other', "ClosedAt" = c."OpenedAt"
                WHERE c."Status" = 'open' AND EXISTS (
                    SELECT 1 FROM callcentre.cases AS o
                    WHERE o."Status" = 'open' AND o."VendorId" = c."VendorId" AND o."IncidentId" = c."IncidentId"
                        AND o."PersonId" = c."PersonId" AND o."Id" < c."Id")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_cases_one_open_per_person",
                schema: "callcentre",
                table: "cases",
                columns: new[] { "VendorId", "IncidentId", "PersonId" },
                unique: true,
                filter: "\"Status\" = 'open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_one_open_per_person",
                schema: "callcentre",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "IX_cases_VendorId_IncidentId_PersonId_Status",
                schema: "callcentre",
                table: "cases",
                columns: new[] { "VendorId", "IncidentId", "PersonId", "Status" });
        }
    }
}
