// A real OpenID Connect provider for the test suite: node's certified `oidc-provider`, with its development
// sign-in form (any login name, any password) and the accounts below. Configured from the environment:
//   OIDC_PORT      the port to listen on (127.0.0.1)
//   OIDC_ISSUER    the issuer URL, e.g. http://localhost:9400
//   OIDC_CLIENTS   JSON list of {client_id, client_secret, redirect_uris, post_logout_redirect_uris}
//   OIDC_ID_TOKEN  "claims" (default: e-mail, name and groups in the ID token, as Entra and Keycloak are set up
//                  in the README) or "sub" (the library's default: the ID token names only the subject)
// Prints "ready <issuer>" when it listens. Test code only: never a production provider.
import Provider from 'oidc-provider';

const ACCOUNTS = {
  ella: { email: 'ella.admin@lansstyrelsen.se', name: 'Ella Admin', groups: [] },
  gustav: { email: 'gustav@sollentuna.se', name: 'Gustav Analys', groups: ['scenes-analytiker'] },
  dora: { email: 'dora@polisen.se', name: 'Dora Polis', groups: [] },
  nils: { email: 'nils@example.org', name: 'Nils Utan Roll', groups: [] },
  // The same person's other sign-ins: the tests use a new login name when they need a new identity.
};

const port = Number(process.env.OIDC_PORT || 9400);
const issuer = process.env.OIDC_ISSUER || `http://localhost:${port}`;
const clients = JSON.parse(process.env.OIDC_CLIENTS || '[]');
const fullIdToken = (process.env.OIDC_ID_TOKEN || 'claims') !== 'sub';

const configuration = {
  clients: clients.map((c) => ({ ...c, grant_types: ['authorization_code'], response_types: ['code'] })),
  pkce: { required: () => false },
  conformIdTokenClaims: !fullIdToken,
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'groups', 'preferred_username'],
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  // Consent is granted on the user's behalf (an organisation's provider does this for its own apps).
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(['email', 'email_verified', 'name', 'groups', 'preferred_username']);
    await grant.save();
    return grant;
  },
  async findAccount(ctx, id) {
    const known = ACCOUNTS[id.replace(/-\d+$/, '')];  // "ella-2" is ella again, signing in anew
    return {
      accountId: id,
      async claims() {
        if (!known) return { sub: id };
        return { sub: id, email: known.email, email_verified: true, name: known.name, groups: known.groups,
          preferred_username: known.email };
      },
    };
  },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, IdToken: 3600, AccessToken: 3600 },
};

const provider = new Provider(issuer, configuration);
provider.on('server_error', (ctx, err) => console.error('server_error', err));
provider.listen(port, '127.0.0.1', () => console.log(`ready ${issuer}`));
