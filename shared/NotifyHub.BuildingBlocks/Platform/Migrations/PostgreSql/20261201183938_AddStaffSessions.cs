using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.BuildingBlocks.Platform.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddStaffSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff_sessions",
                schema: "platform",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vendor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    roles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_reason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    refresh_token_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    refresh_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_session_retired_refresh_tokens",
                schema: "platform",
                columns: table => new
                {
                    hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_session_retired_refresh_tokens", x => x.hash);
                    table.ForeignKey(
                        name: "FK_staff_session_retired_refresh_tokens_staff_sessions_session~",
                        column: x => x.session_id,
                        principalSchema: "platform",
                        principalTable: "staff_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_staff_session_retired_refresh_tokens_session_id",
                schema: "platform",
                table: "staff_session_retired_refresh_tokens",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "IX_staff_sessions_key_hash",
                schema: "platform",
                table: "staff_sessions",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_staff_sessions_refresh_token_hash",
                schema: "platform",
                table: "staff_sessions",
                column: "refresh_token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_staff_sessions_user_id",
                schema: "platform",
                table: "staff_sessions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_staff_sessions_vendor_id",
                schema: "platform",
                table: "staff_sessions",
                column: "vendor_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_session_retired_refresh_tokens",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "staff_sessions",
                schema: "platform");
        }
    }
}
