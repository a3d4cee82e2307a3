
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'auth0-mfa' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'auth0-mfa'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'auth0-mfa' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log a user in; when Auth0 answers mfa_required, finish the MFA flow')
            [CompletionResult]::new('challenge', 'challenge', [CompletionResultType]::ParameterValue, 'Ask Auth0 for an MFA challenge (POST /mfa/challenge)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Answer a challenge and print the tokens (the MFA grants of /oauth/token)')
            [CompletionResult]::new('enroll', 'enroll', [CompletionResultType]::ParameterValue, 'Enroll a new authenticator (POST /mfa/associate) and confirm it')
            [CompletionResult]::new('authenticators', 'authenticators', [CompletionResultType]::ParameterValue, 'List or delete the user''s authenticators')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'Test users on demand through the Management API: create one with a TOTP method, show, unblock, reset its MFA, delete')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a valid access token from the stored session, refreshed when needed (for scripts)')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command with a valid access token in its environment (AUTH0_ACCESS_TOKEN)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Revoke the stored refresh token and forget the session')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Diagnose the tenant''s MFA set-up: one line per check, with the fix for each failure')
            [CompletionResult]::new('totp', 'totp', [CompletionResultType]::ParameterValue, 'Compute a TOTP code from a base32 secret or an otpauth:// URI')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the resolved settings, or where the config file is')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('emulator', 'emulator', [CompletionResultType]::ParameterValue, 'Run the local Auth0 MFA emulator until Ctrl-C, print its demo tenant, or check one is ready')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run the whole MFA flow against the built-in emulator, step by step')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'auth0-mfa;login' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'The user''s username or email [env: AUTH0_USERNAME]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'The user''s username or email [env: AUTH0_USERNAME]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'The user''s password; prompted for (hidden) on a terminal (''-'' reads stdin) [env: AUTH0_PASSWORD]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from FILE')
            [CompletionResult]::new('--realm', '--realm', [CompletionResultType]::ParameterName, 'Database connection to log in through (uses the password-realm grant) [env: AUTH0_REALM]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API audience of the access token (https://DOMAIN/mfa/ to manage authenticators) [env: AUTH0_AUDIENCE]')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Scopes to request, space-separated [default: openid profile email] [env: AUTH0_SCOPE]')
            [CompletionResult]::new('--factor', '--factor', [CompletionResultType]::ParameterName, 'The factor to answer with [default: the only one, or a choice on a terminal] [env: AUTH0_MFA_FACTOR]')
            [CompletionResult]::new('--authenticator-id', '--authenticator-id', [CompletionResultType]::ParameterName, 'Challenge this authenticator (an id from `authenticators list`)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The authenticator app''s current code')
            [CompletionResult]::new('--otp-secret', '--otp-secret', [CompletionResultType]::ParameterName, 'Compute the code from this base32 secret or otpauth:// URI (''-'' reads stdin) [env: AUTH0_OTP_SECRET]')
            [CompletionResult]::new('--otp-secret-file', '--otp-secret-file', [CompletionResultType]::ParameterName, 'Read the OTP secret from FILE')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'Take the code from this command''s output, e.g. ''op item get Auth0 --otp'' [env: AUTH0_MFA_OTP_COMMAND]')
            [CompletionResult]::new('--binding-code', '--binding-code', [CompletionResultType]::ParameterName, 'The code from the SMS, voice call or email of an earlier challenge (verify --oob-code)')
            [CompletionResult]::new('--binding-code-command', '--binding-code-command', [CompletionResultType]::ParameterName, 'Once the SMS, voice call or email is sent, take its code from this command''s output (it gets AUTH0_MFA_CHANNEL, AUTH0_MFA_DESTINATION, AUTH0_MFA_USERNAME)')
            [CompletionResult]::new('--recovery-code', '--recovery-code', [CompletionResultType]::ParameterName, 'Answer with a recovery code (Auth0 then issues a new one)')
            [CompletionResult]::new('--save-recovery-code', '--save-recovery-code', [CompletionResultType]::ParameterName, 'Also write the new recovery code to FILE (created new, mode 0600)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]')
            [CompletionResult]::new('--enroll', '--enroll', [CompletionResultType]::ParameterName, 'A user with no factor yet: enroll this one first (with --otp-secret auto to confirm it unattended)')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'Phone number in E.164 form for --enroll sms|voice, e.g. +15555550123')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address for --enroll email [default: the user''s]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Print the tokens as: raw (the access token alone), json, env (sh/bash/zsh export lines), env-no-export, fish, powershell, dotenv, github-env, github-output')
            [CompletionResult]::new('--env-name', '--env-name', [CompletionResultType]::ParameterName, 'Rename an exported variable: FIELD=NAME, FIELD one of access_token, token_type, expires_at, id_token, refresh_token (never exported unless named)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--mfa-token-only', '--mfa-token-only', [CompletionResultType]::ParameterName, 'Stop at mfa_required and print the mfa_token, for scripts that run the steps')
            [CompletionResult]::new('--no-otp-wait', '--no-otp-wait', [CompletionResultType]::ParameterName, 'When the current TOTP code was already sent, fail at once instead of waiting for the next')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Let --save-recovery-code replace an existing FILE')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not store the session (for `token` and `logout`); AUTH0_MFA_NO_STORE=1 does the same [env: AUTH0_MFA_NO_STORE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;challenge' {
            [CompletionResult]::new('--mfa-token', '--mfa-token', [CompletionResultType]::ParameterName, 'The mfa_token from mfa_required (''-'' reads stdin) [env: AUTH0_MFA_TOKEN]')
            [CompletionResult]::new('--mfa-token-file', '--mfa-token-file', [CompletionResultType]::ParameterName, 'Read the mfa_token from FILE')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Challenge type to ask for; repeat for several (Auth0 picks among them)')
            [CompletionResult]::new('--authenticator-id', '--authenticator-id', [CompletionResultType]::ParameterName, 'Challenge this authenticator (an id from `authenticators list`)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The authenticator app''s current code')
            [CompletionResult]::new('--otp-secret', '--otp-secret', [CompletionResultType]::ParameterName, 'Compute the code from this base32 secret or otpauth:// URI (''-'' reads stdin) [env: AUTH0_OTP_SECRET]')
            [CompletionResult]::new('--otp-secret-file', '--otp-secret-file', [CompletionResultType]::ParameterName, 'Read the OTP secret from FILE')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'Take the code from this command''s output, e.g. ''op item get Auth0 --otp'' [env: AUTH0_MFA_OTP_COMMAND]')
            [CompletionResult]::new('--binding-code', '--binding-code', [CompletionResultType]::ParameterName, 'The code from the SMS, voice call or email of an earlier challenge (verify --oob-code)')
            [CompletionResult]::new('--binding-code-command', '--binding-code-command', [CompletionResultType]::ParameterName, 'Once the SMS, voice call or email is sent, take its code from this command''s output (it gets AUTH0_MFA_CHANNEL, AUTH0_MFA_DESTINATION, AUTH0_MFA_USERNAME)')
            [CompletionResult]::new('--recovery-code', '--recovery-code', [CompletionResultType]::ParameterName, 'Answer with a recovery code (Auth0 then issues a new one)')
            [CompletionResult]::new('--save-recovery-code', '--save-recovery-code', [CompletionResultType]::ParameterName, 'Also write the new recovery code to FILE (created new, mode 0600)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Print the tokens as: raw (the access token alone), json, env (sh/bash/zsh export lines), env-no-export, fish, powershell, dotenv, github-env, github-output')
            [CompletionResult]::new('--env-name', '--env-name', [CompletionResultType]::ParameterName, 'Rename an exported variable: FIELD=NAME, FIELD one of access_token, token_type, expires_at, id_token, refresh_token (never exported unless named)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Finish the flow in the same process: take the code or poll the push, print the tokens')
            [CompletionResult]::new('--no-otp-wait', '--no-otp-wait', [CompletionResultType]::ParameterName, 'When the current TOTP code was already sent, fail at once instead of waiting for the next')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Let --save-recovery-code replace an existing FILE')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;verify' {
            [CompletionResult]::new('--mfa-token', '--mfa-token', [CompletionResultType]::ParameterName, 'The mfa_token from mfa_required (''-'' reads stdin) [env: AUTH0_MFA_TOKEN]')
            [CompletionResult]::new('--mfa-token-file', '--mfa-token-file', [CompletionResultType]::ParameterName, 'Read the mfa_token from FILE')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The authenticator app''s current code')
            [CompletionResult]::new('--otp-secret', '--otp-secret', [CompletionResultType]::ParameterName, 'Compute the code from this base32 secret or otpauth:// URI (''-'' reads stdin) [env: AUTH0_OTP_SECRET]')
            [CompletionResult]::new('--otp-secret-file', '--otp-secret-file', [CompletionResultType]::ParameterName, 'Read the OTP secret from FILE')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'Take the code from this command''s output, e.g. ''op item get Auth0 --otp'' [env: AUTH0_MFA_OTP_COMMAND]')
            [CompletionResult]::new('--binding-code', '--binding-code', [CompletionResultType]::ParameterName, 'The code from the SMS, voice call or email of an earlier challenge (verify --oob-code)')
            [CompletionResult]::new('--binding-code-command', '--binding-code-command', [CompletionResultType]::ParameterName, 'Once the SMS, voice call or email is sent, take its code from this command''s output (it gets AUTH0_MFA_CHANNEL, AUTH0_MFA_DESTINATION, AUTH0_MFA_USERNAME)')
            [CompletionResult]::new('--recovery-code', '--recovery-code', [CompletionResultType]::ParameterName, 'Answer with a recovery code (Auth0 then issues a new one)')
            [CompletionResult]::new('--save-recovery-code', '--save-recovery-code', [CompletionResultType]::ParameterName, 'Also write the new recovery code to FILE (created new, mode 0600)')
            [CompletionResult]::new('--oob-code', '--oob-code', [CompletionResultType]::ParameterName, 'The oob_code of an out-of-band challenge: polls a push, or sends --binding-code')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Print the tokens as: raw (the access token alone), json, env (sh/bash/zsh export lines), env-no-export, fish, powershell, dotenv, github-env, github-output')
            [CompletionResult]::new('--env-name', '--env-name', [CompletionResultType]::ParameterName, 'Rename an exported variable: FIELD=NAME, FIELD one of access_token, token_type, expires_at, id_token, refresh_token (never exported unless named)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--no-otp-wait', '--no-otp-wait', [CompletionResultType]::ParameterName, 'When the current TOTP code was already sent, fail at once instead of waiting for the next')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Let --save-recovery-code replace an existing FILE')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;enroll' {
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'An mfa_token, or an access token for https://DOMAIN/mfa/ with the scope the command needs (''-'' reads stdin) [env: AUTH0_MFA_TOKEN]')
            [CompletionResult]::new('--mfa-token', '--mfa-token', [CompletionResultType]::ParameterName, 'An mfa_token, or an access token for https://DOMAIN/mfa/ with the scope the command needs (''-'' reads stdin) [env: AUTH0_MFA_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from FILE')
            [CompletionResult]::new('--mfa-token-file', '--mfa-token-file', [CompletionResultType]::ParameterName, 'Read the token from FILE')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'The user''s username or email [env: AUTH0_USERNAME]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'The user''s username or email [env: AUTH0_USERNAME]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'The user''s password; prompted for (hidden) on a terminal (''-'' reads stdin) [env: AUTH0_PASSWORD]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from FILE')
            [CompletionResult]::new('--realm', '--realm', [CompletionResultType]::ParameterName, 'Database connection to log in through (uses the password-realm grant) [env: AUTH0_REALM]')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'Phone number in E.164 form, e.g. +15555550123 (sms, voice)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address to send codes to (email) [default: the user''s]')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The first code from the authenticator app, to confirm an otp enrollment')
            [CompletionResult]::new('--otp-secret', '--otp-secret', [CompletionResultType]::ParameterName, 'Compute the confirming code from this secret; ''auto'' uses the secret Auth0 returns')
            [CompletionResult]::new('--binding-code', '--binding-code', [CompletionResultType]::ParameterName, 'Refused: the code is sent by this very command (see --binding-code-command)')
            [CompletionResult]::new('--binding-code-command', '--binding-code-command', [CompletionResultType]::ParameterName, 'Once the SMS, voice call or email is sent, take its code from this command''s output (it gets AUTH0_MFA_CHANNEL, AUTH0_MFA_DESTINATION, AUTH0_MFA_USERNAME)')
            [CompletionResult]::new('--save-recovery-code', '--save-recovery-code', [CompletionResultType]::ParameterName, 'Also write the recovery code of a first enrollment to FILE (created new, mode 0600)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--no-confirm', '--no-confirm', [CompletionResultType]::ParameterName, 'Leave the enrollment pending and print how to confirm it later')
            [CompletionResult]::new('--confirm-with-secret', '--confirm-with-secret', [CompletionResultType]::ParameterName, 'Confirm an otp enrollment with a code computed from the returned secret (same as --otp-secret auto)')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Let --save-recovery-code replace an existing FILE')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;authenticators' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the user''s authenticators (GET /mfa/authenticators)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an authenticator, and the one linked to it (DELETE /mfa/authenticators/ID)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'auth0-mfa;authenticators;list' {
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'An mfa_token, or an access token for https://DOMAIN/mfa/ with the scope the command needs (''-'' reads stdin) [env: AUTH0_MFA_TOKEN]')
            [CompletionResult]::new('--mfa-token', '--mfa-token', [CompletionResultType]::ParameterName, 'An mfa_token, or an access token for https://DOMAIN/mfa/ with the scope the command needs (''-'' reads stdin) [env: AUTH0_MFA_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from FILE')
            [CompletionResult]::new('--mfa-token-file', '--mfa-token-file', [CompletionResultType]::ParameterName, 'Read the token from FILE')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also show inactive (unconfirmed) enrollments')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;authenticators;delete' {
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'An mfa_token, or an access token for https://DOMAIN/mfa/ with the scope the command needs (''-'' reads stdin) [env: AUTH0_MFA_TOKEN]')
            [CompletionResult]::new('--mfa-token', '--mfa-token', [CompletionResultType]::ParameterName, 'An mfa_token, or an access token for https://DOMAIN/mfa/ with the scope the command needs (''-'' reads stdin) [env: AUTH0_MFA_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the token from FILE')
            [CompletionResult]::new('--mfa-token-file', '--mfa-token-file', [CompletionResultType]::ParameterName, 'Read the token from FILE')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;authenticators;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the user''s authenticators (GET /mfa/authenticators)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an authenticator, and the one linked to it (DELETE /mfa/authenticators/ID)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'auth0-mfa;authenticators;help;list' {
            break
        }
        'auth0-mfa;authenticators;help;delete' {
            break
        }
        'auth0-mfa;authenticators;help;help' {
            break
        }
        'auth0-mfa;users' {
            [CompletionResult]::new('--mgmt-domain', '--mgmt-domain', [CompletionResultType]::ParameterName, 'The tenant''s canonical domain (TENANT.REGION.auth0.com), where the Management API lives, when --domain is a custom domain [default: --domain] [env: AUTH0_MGMT_DOMAIN]')
            [CompletionResult]::new('--mgmt-client-id', '--mgmt-client-id', [CompletionResultType]::ParameterName, 'Client id of a machine-to-machine application authorized for the Auth0 Management API [env: AUTH0_MGMT_CLIENT_ID]')
            [CompletionResult]::new('--mgmt-client-secret', '--mgmt-client-secret', [CompletionResultType]::ParameterName, 'That application''s secret (''-'' reads stdin) [env: AUTH0_MGMT_CLIENT_SECRET]')
            [CompletionResult]::new('--mgmt-client-secret-file', '--mgmt-client-secret-file', [CompletionResultType]::ParameterName, 'Read the Management application''s secret from FILE')
            [CompletionResult]::new('--mgmt-client-assertion-key', '--mgmt-client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt for the Management application: its RSA private key (PEM file; RS256) [env: AUTH0_MGMT_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--mgmt-token', '--mgmt-token', [CompletionResultType]::ParameterName, 'A Management API token (Dashboard > Applications > APIs > Auth0 Management API > API Explorer) instead of an application (''-'' reads stdin) [env: AUTH0_MGMT_TOKEN]')
            [CompletionResult]::new('--mgmt-token-file', '--mgmt-token-file', [CompletionResultType]::ParameterName, 'Read the Management API token from FILE')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a database user with a TOTP authentication method, confirmed at once, and print its user_id, email, password and otp_secret')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a user: its authentication methods (pending or confirmed) and its brute-force blocks')
            [CompletionResult]::new('unblock', 'unblock', [CompletionResultType]::ParameterValue, 'Lift the brute-force blocks of a user (too_many_attempts at login)')
            [CompletionResult]::new('reset-mfa', 'reset-mfa', [CompletionResultType]::ParameterValue, 'Remove every authentication method of a user')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user, or (--created-by-this-tool) every user this tool created that is older than --older-than')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'auth0-mfa;users;create' {
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'The database connection to create the user in [default: the realm setting, AUTH0_REALM]')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The user''s email [default: a random test-...@example.com]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'The user''s password (''-'' reads stdin) [default: a strong random one]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the user''s password from FILE')
            [CompletionResult]::new('--otp-secret', '--otp-secret', [CompletionResultType]::ParameterName, 'The TOTP secret: auto (a random one) or a base32 secret')
            [CompletionResult]::new('--mgmt-domain', '--mgmt-domain', [CompletionResultType]::ParameterName, 'The tenant''s canonical domain (TENANT.REGION.auth0.com), where the Management API lives, when --domain is a custom domain [default: --domain] [env: AUTH0_MGMT_DOMAIN]')
            [CompletionResult]::new('--mgmt-client-id', '--mgmt-client-id', [CompletionResultType]::ParameterName, 'Client id of a machine-to-machine application authorized for the Auth0 Management API [env: AUTH0_MGMT_CLIENT_ID]')
            [CompletionResult]::new('--mgmt-client-secret', '--mgmt-client-secret', [CompletionResultType]::ParameterName, 'That application''s secret (''-'' reads stdin) [env: AUTH0_MGMT_CLIENT_SECRET]')
            [CompletionResult]::new('--mgmt-client-secret-file', '--mgmt-client-secret-file', [CompletionResultType]::ParameterName, 'Read the Management application''s secret from FILE')
            [CompletionResult]::new('--mgmt-client-assertion-key', '--mgmt-client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt for the Management application: its RSA private key (PEM file; RS256) [env: AUTH0_MGMT_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--mgmt-token', '--mgmt-token', [CompletionResultType]::ParameterName, 'A Management API token (Dashboard > Applications > APIs > Auth0 Management API > API Explorer) instead of an application (''-'' reads stdin) [env: AUTH0_MGMT_TOKEN]')
            [CompletionResult]::new('--mgmt-token-file', '--mgmt-token-file', [CompletionResultType]::ParameterName, 'Read the Management API token from FILE')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;users;show' {
            [CompletionResult]::new('--mgmt-domain', '--mgmt-domain', [CompletionResultType]::ParameterName, 'The tenant''s canonical domain (TENANT.REGION.auth0.com), where the Management API lives, when --domain is a custom domain [default: --domain] [env: AUTH0_MGMT_DOMAIN]')
            [CompletionResult]::new('--mgmt-client-id', '--mgmt-client-id', [CompletionResultType]::ParameterName, 'Client id of a machine-to-machine application authorized for the Auth0 Management API [env: AUTH0_MGMT_CLIENT_ID]')
            [CompletionResult]::new('--mgmt-client-secret', '--mgmt-client-secret', [CompletionResultType]::ParameterName, 'That application''s secret (''-'' reads stdin) [env: AUTH0_MGMT_CLIENT_SECRET]')
            [CompletionResult]::new('--mgmt-client-secret-file', '--mgmt-client-secret-file', [CompletionResultType]::ParameterName, 'Read the Management application''s secret from FILE')
            [CompletionResult]::new('--mgmt-client-assertion-key', '--mgmt-client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt for the Management application: its RSA private key (PEM file; RS256) [env: AUTH0_MGMT_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--mgmt-token', '--mgmt-token', [CompletionResultType]::ParameterName, 'A Management API token (Dashboard > Applications > APIs > Auth0 Management API > API Explorer) instead of an application (''-'' reads stdin) [env: AUTH0_MGMT_TOKEN]')
            [CompletionResult]::new('--mgmt-token-file', '--mgmt-token-file', [CompletionResultType]::ParameterName, 'Read the Management API token from FILE')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;users;unblock' {
            [CompletionResult]::new('--mgmt-domain', '--mgmt-domain', [CompletionResultType]::ParameterName, 'The tenant''s canonical domain (TENANT.REGION.auth0.com), where the Management API lives, when --domain is a custom domain [default: --domain] [env: AUTH0_MGMT_DOMAIN]')
            [CompletionResult]::new('--mgmt-client-id', '--mgmt-client-id', [CompletionResultType]::ParameterName, 'Client id of a machine-to-machine application authorized for the Auth0 Management API [env: AUTH0_MGMT_CLIENT_ID]')
            [CompletionResult]::new('--mgmt-client-secret', '--mgmt-client-secret', [CompletionResultType]::ParameterName, 'That application''s secret (''-'' reads stdin) [env: AUTH0_MGMT_CLIENT_SECRET]')
            [CompletionResult]::new('--mgmt-client-secret-file', '--mgmt-client-secret-file', [CompletionResultType]::ParameterName, 'Read the Management application''s secret from FILE')
            [CompletionResult]::new('--mgmt-client-assertion-key', '--mgmt-client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt for the Management application: its RSA private key (PEM file; RS256) [env: AUTH0_MGMT_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--mgmt-token', '--mgmt-token', [CompletionResultType]::ParameterName, 'A Management API token (Dashboard > Applications > APIs > Auth0 Management API > API Explorer) instead of an application (''-'' reads stdin) [env: AUTH0_MGMT_TOKEN]')
            [CompletionResult]::new('--mgmt-token-file', '--mgmt-token-file', [CompletionResultType]::ParameterName, 'Read the Management API token from FILE')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;users;reset-mfa' {
            [CompletionResult]::new('--mgmt-domain', '--mgmt-domain', [CompletionResultType]::ParameterName, 'The tenant''s canonical domain (TENANT.REGION.auth0.com), where the Management API lives, when --domain is a custom domain [default: --domain] [env: AUTH0_MGMT_DOMAIN]')
            [CompletionResult]::new('--mgmt-client-id', '--mgmt-client-id', [CompletionResultType]::ParameterName, 'Client id of a machine-to-machine application authorized for the Auth0 Management API [env: AUTH0_MGMT_CLIENT_ID]')
            [CompletionResult]::new('--mgmt-client-secret', '--mgmt-client-secret', [CompletionResultType]::ParameterName, 'That application''s secret (''-'' reads stdin) [env: AUTH0_MGMT_CLIENT_SECRET]')
            [CompletionResult]::new('--mgmt-client-secret-file', '--mgmt-client-secret-file', [CompletionResultType]::ParameterName, 'Read the Management application''s secret from FILE')
            [CompletionResult]::new('--mgmt-client-assertion-key', '--mgmt-client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt for the Management application: its RSA private key (PEM file; RS256) [env: AUTH0_MGMT_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--mgmt-token', '--mgmt-token', [CompletionResultType]::ParameterName, 'A Management API token (Dashboard > Applications > APIs > Auth0 Management API > API Explorer) instead of an application (''-'' reads stdin) [env: AUTH0_MGMT_TOKEN]')
            [CompletionResult]::new('--mgmt-token-file', '--mgmt-token-file', [CompletionResultType]::ParameterName, 'Read the Management API token from FILE')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;users;delete' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'With --created-by-this-tool: only users older than this (90s, 30m, 12h, 1d, 2w)')
            [CompletionResult]::new('--mgmt-domain', '--mgmt-domain', [CompletionResultType]::ParameterName, 'The tenant''s canonical domain (TENANT.REGION.auth0.com), where the Management API lives, when --domain is a custom domain [default: --domain] [env: AUTH0_MGMT_DOMAIN]')
            [CompletionResult]::new('--mgmt-client-id', '--mgmt-client-id', [CompletionResultType]::ParameterName, 'Client id of a machine-to-machine application authorized for the Auth0 Management API [env: AUTH0_MGMT_CLIENT_ID]')
            [CompletionResult]::new('--mgmt-client-secret', '--mgmt-client-secret', [CompletionResultType]::ParameterName, 'That application''s secret (''-'' reads stdin) [env: AUTH0_MGMT_CLIENT_SECRET]')
            [CompletionResult]::new('--mgmt-client-secret-file', '--mgmt-client-secret-file', [CompletionResultType]::ParameterName, 'Read the Management application''s secret from FILE')
            [CompletionResult]::new('--mgmt-client-assertion-key', '--mgmt-client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt for the Management application: its RSA private key (PEM file; RS256) [env: AUTH0_MGMT_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--mgmt-token', '--mgmt-token', [CompletionResultType]::ParameterName, 'A Management API token (Dashboard > Applications > APIs > Auth0 Management API > API Explorer) instead of an application (''-'' reads stdin) [env: AUTH0_MGMT_TOKEN]')
            [CompletionResult]::new('--mgmt-token-file', '--mgmt-token-file', [CompletionResultType]::ParameterName, 'Read the Management API token from FILE')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--created-by-this-tool', '--created-by-this-tool', [CompletionResultType]::ParameterName, 'Delete the users `users create` made (marked in app_metadata), never others')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;users;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a database user with a TOTP authentication method, confirmed at once, and print its user_id, email, password and otp_secret')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a user: its authentication methods (pending or confirmed) and its brute-force blocks')
            [CompletionResult]::new('unblock', 'unblock', [CompletionResultType]::ParameterValue, 'Lift the brute-force blocks of a user (too_many_attempts at login)')
            [CompletionResult]::new('reset-mfa', 'reset-mfa', [CompletionResultType]::ParameterValue, 'Remove every authentication method of a user')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user, or (--created-by-this-tool) every user this tool created that is older than --older-than')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'auth0-mfa;users;help;create' {
            break
        }
        'auth0-mfa;users;help;show' {
            break
        }
        'auth0-mfa;users;help;unblock' {
            break
        }
        'auth0-mfa;users;help;reset-mfa' {
            break
        }
        'auth0-mfa;users;help;delete' {
            break
        }
        'auth0-mfa;users;help;help' {
            break
        }
        'auth0-mfa;token' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'The session of this user, when several are stored [env: AUTH0_USERNAME]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'The session of this user, when several are stored [env: AUTH0_USERNAME]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'The session for this API audience, when several are stored [env: AUTH0_AUDIENCE]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Refresh when the access token has fewer seconds left than this')
            [CompletionResult]::new('--factor', '--factor', [CompletionResultType]::ParameterName, 'The factor to answer with if the refresh asks for MFA [env: AUTH0_MFA_FACTOR]')
            [CompletionResult]::new('--authenticator-id', '--authenticator-id', [CompletionResultType]::ParameterName, 'Challenge this authenticator if the refresh asks for MFA')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The authenticator app''s current code')
            [CompletionResult]::new('--otp-secret', '--otp-secret', [CompletionResultType]::ParameterName, 'Compute the code from this base32 secret or otpauth:// URI (''-'' reads stdin) [env: AUTH0_OTP_SECRET]')
            [CompletionResult]::new('--otp-secret-file', '--otp-secret-file', [CompletionResultType]::ParameterName, 'Read the OTP secret from FILE')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'Take the code from this command''s output, e.g. ''op item get Auth0 --otp'' [env: AUTH0_MFA_OTP_COMMAND]')
            [CompletionResult]::new('--binding-code', '--binding-code', [CompletionResultType]::ParameterName, 'The code from the SMS, voice call or email of an earlier challenge (verify --oob-code)')
            [CompletionResult]::new('--binding-code-command', '--binding-code-command', [CompletionResultType]::ParameterName, 'Once the SMS, voice call or email is sent, take its code from this command''s output (it gets AUTH0_MFA_CHANNEL, AUTH0_MFA_DESTINATION, AUTH0_MFA_USERNAME)')
            [CompletionResult]::new('--recovery-code', '--recovery-code', [CompletionResultType]::ParameterName, 'Answer with a recovery code (Auth0 then issues a new one)')
            [CompletionResult]::new('--save-recovery-code', '--save-recovery-code', [CompletionResultType]::ParameterName, 'Also write the new recovery code to FILE (created new, mode 0600)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Print the tokens as: raw (the access token alone), json, env (sh/bash/zsh export lines), env-no-export, fish, powershell, dotenv, github-env, github-output')
            [CompletionResult]::new('--env-name', '--env-name', [CompletionResultType]::ParameterName, 'Rename an exported variable: FIELD=NAME, FIELD one of access_token, token_type, expires_at, id_token, refresh_token (never exported unless named)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--no-otp-wait', '--no-otp-wait', [CompletionResultType]::ParameterName, 'When the current TOTP code was already sent, fail at once instead of waiting for the next')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Let --save-recovery-code replace an existing FILE')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;exec' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'The session of this user, when several are stored [env: AUTH0_USERNAME]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'The session of this user, when several are stored [env: AUTH0_USERNAME]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'The session for this API audience, when several are stored [env: AUTH0_AUDIENCE]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Refresh when the access token has fewer seconds left than this')
            [CompletionResult]::new('--factor', '--factor', [CompletionResultType]::ParameterName, 'The factor to answer with if the refresh asks for MFA [env: AUTH0_MFA_FACTOR]')
            [CompletionResult]::new('--authenticator-id', '--authenticator-id', [CompletionResultType]::ParameterName, 'Challenge this authenticator if the refresh asks for MFA')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The authenticator app''s current code')
            [CompletionResult]::new('--otp-secret', '--otp-secret', [CompletionResultType]::ParameterName, 'Compute the code from this base32 secret or otpauth:// URI (''-'' reads stdin) [env: AUTH0_OTP_SECRET]')
            [CompletionResult]::new('--otp-secret-file', '--otp-secret-file', [CompletionResultType]::ParameterName, 'Read the OTP secret from FILE')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'Take the code from this command''s output, e.g. ''op item get Auth0 --otp'' [env: AUTH0_MFA_OTP_COMMAND]')
            [CompletionResult]::new('--binding-code', '--binding-code', [CompletionResultType]::ParameterName, 'The code from the SMS, voice call or email of an earlier challenge (verify --oob-code)')
            [CompletionResult]::new('--binding-code-command', '--binding-code-command', [CompletionResultType]::ParameterName, 'Once the SMS, voice call or email is sent, take its code from this command''s output (it gets AUTH0_MFA_CHANNEL, AUTH0_MFA_DESTINATION, AUTH0_MFA_USERNAME)')
            [CompletionResult]::new('--recovery-code', '--recovery-code', [CompletionResultType]::ParameterName, 'Answer with a recovery code (Auth0 then issues a new one)')
            [CompletionResult]::new('--save-recovery-code', '--save-recovery-code', [CompletionResultType]::ParameterName, 'Also write the new recovery code to FILE (created new, mode 0600)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]')
            [CompletionResult]::new('--env-name', '--env-name', [CompletionResultType]::ParameterName, 'Rename a variable the command gets: FIELD=NAME, FIELD one of access_token, token_type, expires_at, id_token, refresh_token (never given unless named)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--no-otp-wait', '--no-otp-wait', [CompletionResultType]::ParameterName, 'When the current TOTP code was already sent, fail at once instead of waiting for the next')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Let --save-recovery-code replace an existing FILE')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Give the command AUTH0_ACCESS_TOKEN_FILE, a private file kept fresh (refreshed before expiry) for as long as it runs')
            [CompletionResult]::new('--mask-output', '--mask-output', [CompletionResultType]::ParameterName, 'Replace every token handed to the command by *** in its output. On by default where the CI masks nothing itself (GitLab, CircleCI, Jenkins, CI=true) and stdout is not a terminal. The cost: the command''s stdout and stderr are pipes, no longer a terminal')
            [CompletionResult]::new('--no-mask-output', '--no-mask-output', [CompletionResultType]::ParameterName, 'Never filter the command''s output (it keeps its terminal)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;logout' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'The session of this user [env: AUTH0_USERNAME]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'The session of this user [env: AUTH0_USERNAME]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'The session for this API audience [env: AUTH0_AUDIENCE]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every stored session, of every tenant and application')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;doctor' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'The user''s username or email [env: AUTH0_USERNAME]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'The user''s username or email [env: AUTH0_USERNAME]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'The user''s password; prompted for (hidden) on a terminal (''-'' reads stdin) [env: AUTH0_PASSWORD]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from FILE')
            [CompletionResult]::new('--realm', '--realm', [CompletionResultType]::ParameterName, 'Database connection to log in through (uses the password-realm grant) [env: AUTH0_REALM]')
            [CompletionResult]::new('--fix-policy', '--fix-policy', [CompletionResultType]::ParameterName, 'With --fix: also set the tenant-wide MFA policy (never changed otherwise)')
            [CompletionResult]::new('--mgmt-domain', '--mgmt-domain', [CompletionResultType]::ParameterName, 'The tenant''s canonical domain (TENANT.REGION.auth0.com), where the Management API lives, when --domain is a custom domain [default: --domain] [env: AUTH0_MGMT_DOMAIN]')
            [CompletionResult]::new('--mgmt-client-id', '--mgmt-client-id', [CompletionResultType]::ParameterName, 'Client id of a machine-to-machine application authorized for the Auth0 Management API [env: AUTH0_MGMT_CLIENT_ID]')
            [CompletionResult]::new('--mgmt-client-secret', '--mgmt-client-secret', [CompletionResultType]::ParameterName, 'That application''s secret (''-'' reads stdin) [env: AUTH0_MGMT_CLIENT_SECRET]')
            [CompletionResult]::new('--mgmt-client-secret-file', '--mgmt-client-secret-file', [CompletionResultType]::ParameterName, 'Read the Management application''s secret from FILE')
            [CompletionResult]::new('--mgmt-client-assertion-key', '--mgmt-client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt for the Management application: its RSA private key (PEM file; RS256) [env: AUTH0_MGMT_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--mgmt-token', '--mgmt-token', [CompletionResultType]::ParameterName, 'A Management API token (Dashboard > Applications > APIs > Auth0 Management API > API Explorer) instead of an application (''-'' reads stdin) [env: AUTH0_MGMT_TOKEN]')
            [CompletionResult]::new('--mgmt-token-file', '--mgmt-token-file', [CompletionResultType]::ParameterName, 'Read the Management API token from FILE')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Also challenge push, SMS, voice and email factors (this notifies the user)')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Plan changes that set right what the Management API can fix (grant types, factors, blocks, pending enrollments), show them, and apply them when confirmed')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'With --fix: apply the plan without asking')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;totp' {
            [CompletionResult]::new('--time', '--time', [CompletionResultType]::ParameterName, 'Compute the code for this Unix time instead of now')
            [CompletionResult]::new('--digits', '--digits', [CompletionResultType]::ParameterName, 'Code length [default: 6, or the URI''s]')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'Seconds per code [default: 30, or the URI''s]')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'HMAC algorithm [default: sha1, or the URI''s]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;config' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a profile (--profile, else "default") to the config file, asking for what flags and environment do not give')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every setting, its value (secrets masked) and where it came from')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'auth0-mfa;config;init' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;config;show' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;config;path' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;config;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a profile (--profile, else "default") to the config file, asking for what flags and environment do not give')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every setting, its value (secrets masked) and where it came from')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'auth0-mfa;config;help;init' {
            break
        }
        'auth0-mfa;config;help;show' {
            break
        }
        'auth0-mfa;config;help;path' {
            break
        }
        'auth0-mfa;config;help;help' {
            break
        }
        'auth0-mfa;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;emulator' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on; any other than loopback exposes the tenant''s test data to other hosts (0.0.0.0:8787 in a container)')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant file (TOML) describing clients and users [default: the built-in demo tenant]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Where --tls writes the CA certificate (PEM), for --cacert; the CA --check trusts [default: emulator-ca.pem in the state dir, ~/.local/state/auth0-mfa]')
            [CompletionResult]::new('--tls-name', '--tls-name', [CompletionResultType]::ParameterName, 'Another name for the certificate to hold, besides 127.0.0.1, ::1 and localhost (a compose service name, auth0.test, an IP); repeatable')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'The URL clients use, for the issuer and every URL in answers [default: the Host of each request]')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Check that the emulator at URL is ready (GET URL/_emulator/health): exit 0 if so, for container health checks')
            [CompletionResult]::new('--control-token', '--control-token', [CompletionResultType]::ParameterName, 'The token the control API (/_emulator/) requires, sent as Authorization: Bearer TOKEN; --check sends it. Listening beyond loopback without one, a token is generated and printed in the banner')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Serve HTTPS with a certificate from a CA generated at start')
            [CompletionResult]::new('--print-tenant', '--print-tenant', [CompletionResultType]::ParameterName, 'Print the tenant (the built-in demo one, or --tenant''s) as a tenant file, and exit')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Print the codes a running emulator sent by SMS, voice or email (at --domain / AUTH0_DOMAIN, else http://127.0.0.1:8787)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'auth0-mfa;emulator;outbox' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Only messages to this phone number or email address (or its masked form, as the authenticator list shows it), or for this username')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'The CA file of an emulator serving --tls')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--latest', '--latest', [CompletionResultType]::ParameterName, 'Print only the code of the latest message, for --binding-code-command')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;emulator;help' {
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Print the codes a running emulator sent by SMS, voice or email (at --domain / AUTH0_DOMAIN, else http://127.0.0.1:8787)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'auth0-mfa;emulator;help;outbox' {
            break
        }
        'auth0-mfa;emulator;help;help' {
            break
        }
        'auth0-mfa;demo' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Application (client) id [env: AUTH0_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Application secret; omit for public applications (''-'' reads stdin) [env: AUTH0_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from FILE')
            [CompletionResult]::new('--client-assertion-key', '--client-assertion-key', [CompletionResultType]::ParameterName, 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]')
            [CompletionResult]::new('--client-assertion-alg', '--client-assertion-alg', [CompletionResultType]::ParameterName, 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]')
            [CompletionResult]::new('--client-assertion-kid', '--client-assertion-kid', [CompletionResultType]::ParameterName, 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a private CA, the emulator''s --tls) [env: AUTH0_CACERT]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON document (also on failure)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error that names its flag')
            [CompletionResult]::new('--curl', '--curl', [CompletionResultType]::ParameterName, 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables')
            [CompletionResult]::new('--no-ci-mask', '--no-ci-mask', [CompletionResultType]::ParameterName, 'Do not register secrets with the CI''s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'auth0-mfa;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log a user in; when Auth0 answers mfa_required, finish the MFA flow')
            [CompletionResult]::new('challenge', 'challenge', [CompletionResultType]::ParameterValue, 'Ask Auth0 for an MFA challenge (POST /mfa/challenge)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Answer a challenge and print the tokens (the MFA grants of /oauth/token)')
            [CompletionResult]::new('enroll', 'enroll', [CompletionResultType]::ParameterValue, 'Enroll a new authenticator (POST /mfa/associate) and confirm it')
            [CompletionResult]::new('authenticators', 'authenticators', [CompletionResultType]::ParameterValue, 'List or delete the user''s authenticators')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'Test users on demand through the Management API: create one with a TOTP method, show, unblock, reset its MFA, delete')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a valid access token from the stored session, refreshed when needed (for scripts)')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command with a valid access token in its environment (AUTH0_ACCESS_TOKEN)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Revoke the stored refresh token and forget the session')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Diagnose the tenant''s MFA set-up: one line per check, with the fix for each failure')
            [CompletionResult]::new('totp', 'totp', [CompletionResultType]::ParameterValue, 'Compute a TOTP code from a base32 secret or an otpauth:// URI')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the resolved settings, or where the config file is')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('emulator', 'emulator', [CompletionResultType]::ParameterValue, 'Run the local Auth0 MFA emulator until Ctrl-C, print its demo tenant, or check one is ready')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run the whole MFA flow against the built-in emulator, step by step')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'auth0-mfa;help;login' {
            break
        }
        'auth0-mfa;help;challenge' {
            break
        }
        'auth0-mfa;help;verify' {
            break
        }
        'auth0-mfa;help;enroll' {
            break
        }
        'auth0-mfa;help;authenticators' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the user''s authenticators (GET /mfa/authenticators)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an authenticator, and the one linked to it (DELETE /mfa/authenticators/ID)')
            break
        }
        'auth0-mfa;help;authenticators;list' {
            break
        }
        'auth0-mfa;help;authenticators;delete' {
            break
        }
        'auth0-mfa;help;users' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a database user with a TOTP authentication method, confirmed at once, and print its user_id, email, password and otp_secret')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a user: its authentication methods (pending or confirmed) and its brute-force blocks')
            [CompletionResult]::new('unblock', 'unblock', [CompletionResultType]::ParameterValue, 'Lift the brute-force blocks of a user (too_many_attempts at login)')
            [CompletionResult]::new('reset-mfa', 'reset-mfa', [CompletionResultType]::ParameterValue, 'Remove every authentication method of a user')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user, or (--created-by-this-tool) every user this tool created that is older than --older-than')
            break
        }
        'auth0-mfa;help;users;create' {
            break
        }
        'auth0-mfa;help;users;show' {
            break
        }
        'auth0-mfa;help;users;unblock' {
            break
        }
        'auth0-mfa;help;users;reset-mfa' {
            break
        }
        'auth0-mfa;help;users;delete' {
            break
        }
        'auth0-mfa;help;token' {
            break
        }
        'auth0-mfa;help;exec' {
            break
        }
        'auth0-mfa;help;logout' {
            break
        }
        'auth0-mfa;help;doctor' {
            break
        }
        'auth0-mfa;help;totp' {
            break
        }
        'auth0-mfa;help;config' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a profile (--profile, else "default") to the config file, asking for what flags and environment do not give')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every setting, its value (secrets masked) and where it came from')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            break
        }
        'auth0-mfa;help;config;init' {
            break
        }
        'auth0-mfa;help;config;show' {
            break
        }
        'auth0-mfa;help;config;path' {
            break
        }
        'auth0-mfa;help;completions' {
            break
        }
        'auth0-mfa;help;emulator' {
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Print the codes a running emulator sent by SMS, voice or email (at --domain / AUTH0_DOMAIN, else http://127.0.0.1:8787)')
            break
        }
        'auth0-mfa;help;emulator;outbox' {
            break
        }
        'auth0-mfa;help;demo' {
            break
        }
        'auth0-mfa;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
