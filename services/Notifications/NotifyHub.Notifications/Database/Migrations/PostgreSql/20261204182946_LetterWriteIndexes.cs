using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Notifications.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LetterWriteIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notifications_IncidentId_SentAt_Channel",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "IX_notifications_ProviderMessageId",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_ProviderMessageId",
                schema: "notifications",
                table: "notifications",
                column: "ProviderMessageId",
                filter: "\"Channel\" = 'sms'");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_queued_letters",
                schema: "notifications",
                table: "notifications",
                column: "Id",
                filter: "\"Channel\" = 'letter' AND \"Status\" = 'queued'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notifications_ProviderMessageId",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "IX_notifications_queued_letters",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_IncidentId_SentAt_Channel",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "IncidentId", "SentAt", "Channel" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_ProviderMessageId",
                schema: "notifications",
                table: "notifications",
                column: "ProviderMessageId");
        }
    }
}
