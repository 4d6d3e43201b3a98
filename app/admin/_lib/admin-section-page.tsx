import type { ReactNode } from "react";
import type { TSessionUser } from "@/server/auth/sessions";
import { requirePageUser } from "@/server/pages/require-page-user";
import { AccessDenied } from "@/components/shell/access-denied";
import { AdminFrame } from "@/components/admin/admin-frame";
import type { TAdminSection } from "@/components/admin/admin-nav";

/**
 * An ADMIN-only page at `path`, in the admin frame with `section` marked: signed out → /login, another role →
 * the 403 (requirePageUser). `content` reads the page's data for the signed-in admin.
 */
export function adminSectionPage(
  section: TAdminSection,
  path: string,
  content: (admin: TSessionUser) => Promise<ReactNode>,
) {
  return async function AdminSectionPage() {
    const admin = await requirePageUser(path, ["ADMIN"]);
    if (!admin) return <AccessDenied />;
    return <AdminFrame current={section}>{await content(admin)}</AdminFrame>;
  };
}
