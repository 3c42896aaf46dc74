using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Notifications.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_notifications_IncidentId_Channel_Status",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "IncidentId", "Channel", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_IncidentId_SentAt_Channel",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "IncidentId", "SentAt", "Channel" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notifications_IncidentId_Channel_Status",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "IX_notifications_IncidentId_SentAt_Channel",
                schema: "notifications",
                table: "notifications");
        }
    }
}
