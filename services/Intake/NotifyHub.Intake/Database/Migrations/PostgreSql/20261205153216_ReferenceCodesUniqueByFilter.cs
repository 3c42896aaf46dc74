using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Intake.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReferenceCodesUniqueByFilter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_affected_parties_IncidentId_ExternalIdIndex",
                schema: "intake",
                table: "affected_parties");

            migrationBuilder.DropIndex(
                name: "IX_affected_parties_IncidentId_ReferenceCodeIndex",
                schema: "intake",
                table: "affected_parties");

            migrationBuilder.CreateIndex(
                name: "IX_affected_parties_IncidentId_ExternalIdIndex",
                schema: "intake",
                table: "affected_parties",
                columns: new[] { "IncidentId", "ExternalIdIndex" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "ReferenceCodeIndex" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_affected_parties_IncidentId_ExternalIdIndex",
                schema: "intake",
                table: "affected_parties");

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
        }
    }
}
