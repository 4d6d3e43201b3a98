/** Sign-in and sign-up requests (zod), for the contract (lib/session/session.contract.ts) and the server. Browser-safe. */
import { z } from "zod";
import { normalizeDisplayName } from "@/lib/text/normalize";

export const ZSignInRequest = z.object({
  email: z.email("Enter a valid email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(200),
});
export type TSignInRequest = z.infer<typeof ZSignInRequest>;

export const ZSignUpRequest = z.object({
  email: z.email("Enter a valid email address.").max(254),
  password: z.string().min(8, "Use at least 8 characters.").max(200, "Use at most 200 characters."),
  // Normalized before the length checks: NFKC, no control, bidi or zero-width characters (lib/text/normalize.ts).
  name: z
    .string()
    .max(300, "Use at most 60 characters.")
    .transform(normalizeDisplayName)
    .pipe(z.string().min(1, "Enter your name.").max(60, "Use at most 60 characters.")),
  role: z.enum(["SHOPPER", "SELLER"], "Choose SHOPPER or SELLER.").optional(),
});
export type TSignUpRequest = z.infer<typeof ZSignUpRequest>;
