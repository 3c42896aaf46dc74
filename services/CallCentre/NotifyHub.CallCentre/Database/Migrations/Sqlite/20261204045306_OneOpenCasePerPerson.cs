using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.CallCentre.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneOpenCasePerPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_VendorId_IncidentId_PersonId_Status",
                table: "cases");

            // Databases from before the index may hold two open cases for one person (two agents verifying at once):
            // the oldest stays open, the others are closed as "other" (their notes and callbacks stay with them).
            migrationBuilder.Sql("""
                UPDATE cases SET "Status" = 'closed', "Outcome" = 'other', "ClosedAt" = "OpenedAt"
                WHERE "Status" = 'open' AND EXISTS (
                    SELECT 1 FROM cases AS o
                    WHERE o."Status" = 'open' AND o."VendorId" = cases."VendorId" AND o."IncidentId" = cases."IncidentId"
                        AND o."PersonId" = cases."PersonId" AND o."Id" < cases."Id")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_cases_one_open_per_person",
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
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "IX_cases_VendorId_IncidentId_PersonId_Status",
                table: "cases",
                columns: new[] { "VendorId", "IncidentId", "PersonId", "Status" });
        }
    }
}
