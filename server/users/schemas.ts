import { z } from "zod";

export const ZSignInRequest = z.object({
  email: z.email("Enter a valid email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(200),
});
export type TSignInRequest = z.infer<typeof ZSignInRequest>;

export const ZSignUpRequest = z.object({
  email: z.email("Enter a valid email address.").max(254),
  password: z.string().min(8, "Use at least 8 characters.").max(200, "Use at most 200 characters."),
  name: z.string().trim().min(1, "Enter your name.").max(60, "Use at most 60 characters."),
  role: z.enum(["SHOPPER", "SELLER"], "Choose SHOPPER or SELLER.").optional(),
});
export type TSignUpRequest = z.infer<typeof ZSignUpRequest>;
