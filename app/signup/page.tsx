import { authMetadata, nextUnlessSignedIn, type TAuthPageProps } from "@/server/pages/auth-page";
import { AuthCard } from "@/components/auth/auth-card";
import { SignupForm } from "@/components/auth/signup-form";

export function generateMetadata() {
  return authMetadata("signUp");
}

export default async function SignupPage(props: TAuthPageProps) {
  const next = await nextUnlessSignedIn(props);
  return (
    <AuthCard kind="signUp">
      <SignupForm next={next} />
    </AuthCard>
  );
}
