using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Intake.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Imports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PurgedAt",
                table: "incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetainUntil",
                table: "incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "affected_parties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalIdIndex = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ReferenceCodeIndex = table.Column<byte[]>(type: "BLOB", nullable: false),
                    EmailIndex = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PhoneIndex = table.Column<byte[]>(type: "BLOB", nullable: true),
                    DateOfBirthIndex = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PostcodeIndex = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Record = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    DataCategories = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedByImport = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedByImport = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_affected_parties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "import_issues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_issues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Encoding = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RowsRead = table.Column<long>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<long>(type: "INTEGER", nullable: false),
                    Updated = table.Column<long>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<long>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<long>(type: "INTEGER", nullable: false),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_imports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_affected_parties_IncidentId_ExternalIdIndex",
                table: "affected_parties",
                columns: new[] { "IncidentId", "ExternalIdIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_affected_parties_IncidentId_ReferenceCodeIndex",
                table: "affected_parties",
                columns: new[] { "IncidentId", "ReferenceCodeIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_import_issues_ImportId_Line",
                table: "import_issues",
                columns: new[] { "ImportId", "Line" });

            migrationBuilder.CreateIndex(
                name: "IX_imports_IncidentId",
                table: "imports",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "affected_parties");

            migrationBuilder.DropTable(
                name: "import_issues");

            migrationBuilder.DropTable(
                name: "imports");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "PurgedAt",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "RetainUntil",
                table: "incidents");
        }
    }
}
