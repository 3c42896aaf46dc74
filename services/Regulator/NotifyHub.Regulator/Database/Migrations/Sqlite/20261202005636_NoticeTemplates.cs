using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Regulator.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticeTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notice_templates",
                columns: table => new
                {
                    TemplateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Series = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Numbers = table.Column<string>(type: "TEXT", nullable: false),
                    PeopleCounts = table.Column<string>(type: "TEXT", nullable: false),
                    WordHashes = table.Column<string>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_templates", x => new { x.TemplateId, x.Language });
                });

            migrationBuilder.CreateIndex(
                name: "IX_notice_templates_IncidentId",
                table: "notice_templates",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notice_templates");
        }
    }
}
