using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Notifications.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ContactPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contact_preferences",
                schema: "notifications",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    StopEmail = table.Column<bool>(type: "boolean", nullable: false),
                    StopSms = table.Column<bool>(type: "boolean", nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    ChangedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_preferences", x => new { x.IncidentId, x.PersonId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_preferences",
                schema: "notifications");
        }
    }
}
