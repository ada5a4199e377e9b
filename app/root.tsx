import { json, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { getUser } from "./auth/permissions.server";
import { localeFromAcceptLanguage, type Locale } from "./i18n/i18n";
import { UnsavedTextGuard } from "./richtext/UnsavedTextGuard";
import stylesheet from "./styles.css";
import { Flash } from "./ui/Flash";
import { takeFlash } from "./ui/flash.server";
import { StringAreas, useT } from "./ui/i18n";
import { Layout } from "./ui/Layout";
import { useNonce } from "./ui/nonce";

// The text font (styles.css, @font-face) is not preloaded: measured with Lighthouse on a reflection, a
// preload competes with the page's scripts on a slow line (performance 90 with it, 98 without), while
// font-display: swap already shows the text in the system font until the font arrives.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const locale: Locale = user?.language ?? localeFromAcceptLanguage(request.headers.get("Accept-Language"));
  const flash = await takeFlash(request);
  return json(
    {
      locale,
      flash: flash.message,
      user: user && {
        name: user.name,
        accountRole: user.accountRole,
        teams: user.memberships.map((m) => ({ slug: m.slug, name: m.name })),
        unread: user.unreadNotifications ?? 0,
      },
    },
    flash.setCookie ? { headers: { "Set-Cookie": flash.setCookie } } : undefined,
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers();
  const cookie = loaderHeaders.get("Set-Cookie");
  if (cookie) headers.set("Set-Cookie", cookie);
  return headers;
};

function Document({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <StringAreas />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { locale, user, flash } = useLoaderData<typeof loader>();
  return (
    <Document locale={locale}>
      <Layout user={user}>
        <Flash message={flash} />
        <Outlet />
      </Layout>
      <UnsavedTextGuard />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <Document locale={data?.locale ?? "nl"}>
      <Layout user={data?.user ?? null}>
        <ErrorMessage status={isRouteErrorResponse(error) ? error.status : 500} />
      </Layout>
    </Document>
  );
}

/** What a person sees when something fails: plain words, never a stack trace. */
export function ErrorMessage({ status }: { status: number }) {
  const t = useT();
  const [title, body] =
    status === 404
      ? [t("error.notFound.title"), t("error.notFound.body")]
      : status === 403
        ? [t("error.forbidden.title"), t("error.forbidden.body")]
        : status === 503
          ? [t("error.unavailable.title"), t("error.unavailable.body")]
          : [t("error.server.title"), t("error.server.body")];
  return (
    <section className="page">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <Link to="/">{t("error.home")}</Link>
      </p>
    </section>
  );
}
