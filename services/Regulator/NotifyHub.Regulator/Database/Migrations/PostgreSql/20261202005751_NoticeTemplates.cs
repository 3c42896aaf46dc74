using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Regulator.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class NoticeTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notice_templates",
                schema: "regulator",
                columns: table => new
                {
                    TemplateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Series = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Numbers = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    PeopleCounts = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    WordHashes = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_templates", x => new { x.TemplateId, x.Language });
                });

            migrationBuilder.CreateIndex(
                name: "IX_notice_templates_IncidentId",
                schema: "regulator",
                table: "notice_templates",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notice_templates",
                schema: "regulator");
        }
    }
}
