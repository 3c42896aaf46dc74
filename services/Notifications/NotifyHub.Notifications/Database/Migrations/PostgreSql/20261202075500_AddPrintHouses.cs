using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Notifications.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddPrintHouses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PrintHouseId",
                schema: "notifications",
                table: "notifications",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "print_houses",
                schema: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    KeyKind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PublicKey = table.Column<string>(type: "character varying(64000)", maxLength: 64000, nullable: false),
                    KeyFingerprint = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SftpHost = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    SftpPort = table.Column<int>(type: "integer", nullable: true),
                    SftpUser = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SftpHostKeySha256 = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_print_houses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_print_houses_IncidentId",
                schema: "notifications",
                table: "print_houses",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "print_houses",
                schema: "notifications");

            migrationBuilder.DropColumn(
                name: "PrintHouseId",
                schema: "notifications",
                table: "notifications");
        }
    }
}
