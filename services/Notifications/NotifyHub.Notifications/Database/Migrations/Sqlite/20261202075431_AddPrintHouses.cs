using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Notifications.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPrintHouses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PrintHouseId",
                table: "notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "print_houses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    KeyKind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PublicKey = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    KeyFingerprint = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SftpHost = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    SftpPort = table.Column<int>(type: "INTEGER", nullable: true),
                    SftpUser = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SftpHostKeySha256 = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_print_houses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_print_houses_IncidentId",
                table: "print_houses",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "print_houses");

            migrationBuilder.DropColumn(
                name: "PrintHouseId",
                table: "notifications");
        }
    }
}
