using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Regulator.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class OutboxParking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                schema: "regulator",
                table: "outbox_messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                schema: "regulator",
                table: "outbox_messages",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ParkedAt",
                schema: "regulator",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Attempts",
                schema: "regulator",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "LastError",
                schema: "regulator",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "ParkedAt",
                schema: "regulator",
                table: "outbox_messages");
        }
    }
}
