using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.BuildingBlocks.PrivacyStore.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DecryptsByVendorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_decrypts_by_vendor",
                schema: "privacy",
                table: "audit_entries",
                columns: new[] { "actor_vendor_id", "time" },
                filter: "\"action\" = 'projection.decrypt' AND \"outcome\" = 'granted'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entries_decrypts_by_vendor",
                schema: "privacy",
                table: "audit_entries");
        }
    }
}
