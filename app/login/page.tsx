import { authMetadata, nextUnlessSignedIn, type TAuthPageProps } from "@/server/pages/auth-page";
import { AuthCard } from "@/components/auth/auth-card";
import { DemoAccounts } from "@/components/auth/demo-accounts";
import { LoginForm } from "@/components/auth/login-form";

export function generateMetadata() {
  return authMetadata("signIn");
}

export default async function LoginPage(props: TAuthPageProps) {
  const next = await nextUnlessSignedIn(props);
  return (
    <AuthCard kind="signIn" aside={<DemoAccounts />}>
      <LoginForm next={next} />
    </AuthCard>
  );
}
