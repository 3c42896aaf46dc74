using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Intake.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferenceCodesUniqueByFilter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_affected_parties_IncidentId_ReferenceCodeIndex",
                table: "affected_parties");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_affected_parties_IncidentId_ReferenceCodeIndex",
                table: "affected_parties",
                columns: new[] { "IncidentId", "ReferenceCodeIndex" },
                unique: true);
        }
    }
}
