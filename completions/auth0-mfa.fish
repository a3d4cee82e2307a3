# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_auth0_mfa_global_optspecs
    string join \n json v/verbose color= no-input profile= config= domain= client-id= client-secret= client-secret-file= client-assertion-key= client-assertion-alg= client-assertion-kid= cacert= curl no-ci-mask timeout= h/help V/version
end

function __fish_auth0_mfa_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_auth0_mfa_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_auth0_mfa_using_subcommand
    set -l cmd (__fish_auth0_mfa_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -s V -l version -d 'Print version'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "login" -d 'Log a user in; when Auth0 answers mfa_required, finish the MFA flow'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "challenge" -d 'Ask Auth0 for an MFA challenge (POST /mfa/challenge)'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "verify" -d 'Answer a challenge and print the tokens (the MFA grants of /oauth/token)'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "enroll" -d 'Enroll a new authenticator (POST /mfa/associate) and confirm it'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "authenticators" -d 'List or delete the user\'s authenticators'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "users" -d 'Test users on demand through the Management API: create one with a TOTP method, show, unblock, reset its MFA, delete'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "token" -d 'Print a valid access token from the stored session, refreshed when needed (for scripts)'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "exec" -d 'Run a command with a valid access token in its environment (AUTH0_ACCESS_TOKEN)'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "logout" -d 'Revoke the stored refresh token and forget the session'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "doctor" -d 'Diagnose the tenant\'s MFA set-up: one line per check, with the fix for each failure'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "totp" -d 'Compute a TOTP code from a base32 secret or an otpauth:// URI'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "config" -d 'Show the resolved settings, or where the config file is'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "emulator" -d 'Run the local Auth0 MFA emulator until Ctrl-C, print its demo tenant, or check one is ready'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "demo" -d 'Run the whole MFA flow against the built-in emulator, step by step'
complete -c auth0-mfa -n "__fish_auth0_mfa_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -s u -l username -d 'The user\'s username or email [env: AUTH0_USERNAME]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l password -d 'The user\'s password; prompted for (hidden) on a terminal (\'-\' reads stdin) [env: AUTH0_PASSWORD]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l password-file -d 'Read the password from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l realm -d 'Database connection to log in through (uses the password-realm grant) [env: AUTH0_REALM]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l audience -d 'API audience of the access token (https://DOMAIN/mfa/ to manage authenticators) [env: AUTH0_AUDIENCE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l scope -d 'Scopes to request, space-separated [default: openid profile email] [env: AUTH0_SCOPE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l factor -d 'The factor to answer with [default: the only one, or a choice on a terminal] [env: AUTH0_MFA_FACTOR]' -r -f -a "otp\t''
push\t''
sms\t''
voice\t''
email\t''
recovery-code\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l authenticator-id -d 'Challenge this authenticator (an id from `authenticators list`)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l otp -d 'The authenticator app\'s current code' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l otp-secret -d 'Compute the code from this base32 secret or otpauth:// URI (\'-\' reads stdin) [env: AUTH0_OTP_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l otp-secret-file -d 'Read the OTP secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l otp-command -d 'Take the code from this command\'s output, e.g. \'op item get Auth0 --otp\' [env: AUTH0_MFA_OTP_COMMAND]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l binding-code -d 'The code from the SMS, voice call or email of an earlier challenge (verify --oob-code)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l binding-code-command -d 'Once the SMS, voice call or email is sent, take its code from this command\'s output (it gets AUTH0_MFA_CHANNEL, AUTH0_MFA_DESTINATION, AUTH0_MFA_USERNAME)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l recovery-code -d 'Answer with a recovery code (Auth0 then issues a new one)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l save-recovery-code -d 'Also write the new recovery code to FILE (created new, mode 0600)' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l interval -d 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l enroll -d 'A user with no factor yet: enroll this one first (with --otp-secret auto to confirm it unattended)' -r -f -a "otp\t''
sms\t''
voice\t''
email\t''
push\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l phone -d 'Phone number in E.164 form for --enroll sms|voice, e.g. +15555550123' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l email -d 'Email address for --enroll email [default: the user\'s]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l format -d 'Print the tokens as: raw (the access token alone), json, env (sh/bash/zsh export lines), env-no-export, fish, powershell, dotenv, github-env, github-output' -r -f -a "raw\t'The access token and a newline (the default)'
json\t'The token set, as --json prints it'
env\t'`export NAME=\'value\'` lines for sh, bash and zsh (eval, CircleCI\'s $BASH_ENV)'
env-no-export\t'`NAME=\'value\'` lines, without export'
fish\t'`set -gx NAME \'value\'` lines for fish'
powershell\t'`$Env:NAME = \'value\'` lines for PowerShell'
dotenv\t'`NAME=value` lines, unquoted (docker --env-file, compose, GitLab\'s dotenv reports)'
github-env\t'Appended to the file $GITHUB_ENV names (later steps\' environment)'
github-output\t'Appended to the file $GITHUB_OUTPUT names (the step\'s outputs)'"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l env-name -d 'Rename an exported variable: FIELD=NAME, FIELD one of access_token, token_type, expires_at, id_token, refresh_token (never exported unless named)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l mfa-token-only -d 'Stop at mfa_required and print the mfa_token, for scripts that run the steps'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l no-otp-wait -d 'When the current TOTP code was already sent, fail at once instead of waiting for the next'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l overwrite -d 'Let --save-recovery-code replace an existing FILE'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l no-wait -d 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l no-store -d 'Do not store the session (for `token` and `logout`); AUTH0_MFA_NO_STORE=1 does the same [env: AUTH0_MFA_NO_STORE]'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand login" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l mfa-token -d 'The mfa_token from mfa_required (\'-\' reads stdin) [env: AUTH0_MFA_TOKEN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l mfa-token-file -d 'Read the mfa_token from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l type -d 'Challenge type to ask for; repeat for several (Auth0 picks among them)' -r -f -a "otp\t''
oob\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l authenticator-id -d 'Challenge this authenticator (an id from `authenticators list`)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l otp -d 'The authenticator app\'s current code' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l otp-secret -d 'Compute the code from this base32 secret or otpauth:// URI (\'-\' reads stdin) [env: AUTH0_OTP_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l otp-secret-file -d 'Read the OTP secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l otp-command -d 'Take the code from this command\'s output, e.g. \'op item get Auth0 --otp\' [env: AUTH0_MFA_OTP_COMMAND]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l binding-code -d 'The code from the SMS, voice call or email of an earlier challenge (verify --oob-code)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l binding-code-command -d 'Once the SMS, voice call or email is sent, take its code from this command\'s output (it gets AUTH0_MFA_CHANNEL, AUTH0_MFA_DESTINATION, AUTH0_MFA_USERNAME)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l recovery-code -d 'Answer with a recovery code (Auth0 then issues a new one)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l save-recovery-code -d 'Also write the new recovery code to FILE (created new, mode 0600)' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l interval -d 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l format -d 'Print the tokens as: raw (the access token alone), json, env (sh/bash/zsh export lines), env-no-export, fish, powershell, dotenv, github-env, github-output' -r -f -a "raw\t'The access token and a newline (the default)'
json\t'The token set, as --json prints it'
env\t'`export NAME=\'value\'` lines for sh, bash and zsh (eval, CircleCI\'s $BASH_ENV)'
env-no-export\t'`NAME=\'value\'` lines, without export'
fish\t'`set -gx NAME \'value\'` lines for fish'
powershell\t'`$Env:NAME = \'value\'` lines for PowerShell'
dotenv\t'`NAME=value` lines, unquoted (docker --env-file, compose, GitLab\'s dotenv reports)'
github-env\t'Appended to the file $GITHUB_ENV names (later steps\' environment)'
github-output\t'Appended to the file $GITHUB_OUTPUT names (the step\'s outputs)'"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l env-name -d 'Rename an exported variable: FIELD=NAME, FIELD one of access_token, token_type, expires_at, id_token, refresh_token (never exported unless named)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l verify -d 'Finish the flow in the same process: take the code or poll the push, print the tokens'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l no-otp-wait -d 'When the current TOTP code was already sent, fail at once instead of waiting for the next'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l overwrite -d 'Let --save-recovery-code replace an existing FILE'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l no-wait -d 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand challenge" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l mfa-token -d 'The mfa_token from mfa_required (\'-\' reads stdin) [env: AUTH0_MFA_TOKEN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l mfa-token-file -d 'Read the mfa_token from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l otp -d 'The authenticator app\'s current code' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l otp-secret -d 'Compute the code from this base32 secret or otpauth:// URI (\'-\' reads stdin) [env: AUTH0_OTP_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l otp-secret-file -d 'Read the OTP secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l otp-command -d 'Take the code from this command\'s output, e.g. \'op item get Auth0 --otp\' [env: AUTH0_MFA_OTP_COMMAND]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l binding-code -d 'The code from the SMS, voice call or email of an earlier challenge (verify --oob-code)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l binding-code-command -d 'Once the SMS, voice call or email is sent, take its code from this command\'s output (it gets AUTH0_MFA_CHANNEL, AUTH0_MFA_DESTINATION, AUTH0_MFA_USERNAME)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l recovery-code -d 'Answer with a recovery code (Auth0 then issues a new one)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l save-recovery-code -d 'Also write the new recovery code to FILE (created new, mode 0600)' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l oob-code -d 'The oob_code of an out-of-band challenge: polls a push, or sends --binding-code' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l interval -d 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l format -d 'Print the tokens as: raw (the access token alone), json, env (sh/bash/zsh export lines), env-no-export, fish, powershell, dotenv, github-env, github-output' -r -f -a "raw\t'The access token and a newline (the default)'
json\t'The token set, as --json prints it'
env\t'`export NAME=\'value\'` lines for sh, bash and zsh (eval, CircleCI\'s $BASH_ENV)'
env-no-export\t'`NAME=\'value\'` lines, without export'
fish\t'`set -gx NAME \'value\'` lines for fish'
powershell\t'`$Env:NAME = \'value\'` lines for PowerShell'
dotenv\t'`NAME=value` lines, unquoted (docker --env-file, compose, GitLab\'s dotenv reports)'
github-env\t'Appended to the file $GITHUB_ENV names (later steps\' environment)'
github-output\t'Appended to the file $GITHUB_OUTPUT names (the step\'s outputs)'"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l env-name -d 'Rename an exported variable: FIELD=NAME, FIELD one of access_token, token_type, expires_at, id_token, refresh_token (never exported unless named)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l no-otp-wait -d 'When the current TOTP code was already sent, fail at once instead of waiting for the next'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l overwrite -d 'Let --save-recovery-code replace an existing FILE'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l no-wait -d 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand verify" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l token -l mfa-token -d 'An mfa_token, or an access token for https://DOMAIN/mfa/ with the scope the command needs (\'-\' reads stdin) [env: AUTH0_MFA_TOKEN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l token-file -l mfa-token-file -d 'Read the token from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -s u -l username -d 'The user\'s username or email [env: AUTH0_USERNAME]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l password -d 'The user\'s password; prompted for (hidden) on a terminal (\'-\' reads stdin) [env: AUTH0_PASSWORD]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l password-file -d 'Read the password from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l realm -d 'Database connection to log in through (uses the password-realm grant) [env: AUTH0_REALM]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l phone -d 'Phone number in E.164 form, e.g. +15555550123 (sms, voice)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l email -d 'Email address to send codes to (email) [default: the user\'s]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l otp -d 'The first code from the authenticator app, to confirm an otp enrollment' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l otp-secret -d 'Compute the confirming code from this secret; \'auto\' uses the secret Auth0 returns' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l binding-code -d 'Refused: the code is sent by this very command (see --binding-code-command)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l binding-code-command -d 'Once the SMS, voice call or email is sent, take its code from this command\'s output (it gets AUTH0_MFA_CHANNEL, AUTH0_MFA_DESTINATION, AUTH0_MFA_USERNAME)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l save-recovery-code -d 'Also write the recovery code of a first enrollment to FILE (created new, mode 0600)' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l interval -d 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l no-confirm -d 'Leave the enrollment pending and print how to confirm it later'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l confirm-with-secret -d 'Confirm an otp enrollment with a code computed from the returned secret (same as --otp-secret auto)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l overwrite -d 'Let --save-recovery-code replace an existing FILE'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l no-wait -d 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -f -a "list" -d 'List the user\'s authenticators (GET /mfa/authenticators)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -f -a "delete" -d 'Delete an authenticator, and the one linked to it (DELETE /mfa/authenticators/ID)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and not __fish_seen_subcommand_from list delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l token -l mfa-token -d 'An mfa_token, or an access token for https://DOMAIN/mfa/ with the scope the command needs (\'-\' reads stdin) [env: AUTH0_MFA_TOKEN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l token-file -l mfa-token-file -d 'Read the token from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l all -d 'Also show inactive (unconfirmed) enrollments'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l token -l mfa-token -d 'An mfa_token, or an access token for https://DOMAIN/mfa/ with the scope the command needs (\'-\' reads stdin) [env: AUTH0_MFA_TOKEN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l token-file -l mfa-token-file -d 'Read the token from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the user\'s authenticators (GET /mfa/authenticators)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an authenticator, and the one linked to it (DELETE /mfa/authenticators/ID)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand authenticators; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l mgmt-domain -d 'The tenant\'s canonical domain (TENANT.REGION.auth0.com), where the Management API lives, when --domain is a custom domain [default: --domain] [env: AUTH0_MGMT_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l mgmt-client-id -d 'Client id of a machine-to-machine application authorized for the Auth0 Management API [env: AUTH0_MGMT_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l mgmt-client-secret -d 'That application\'s secret (\'-\' reads stdin) [env: AUTH0_MGMT_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l mgmt-client-secret-file -d 'Read the Management application\'s secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l mgmt-client-assertion-key -d 'private_key_jwt for the Management application: its RSA private key (PEM file; RS256) [env: AUTH0_MGMT_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l mgmt-token -d 'A Management API token (Dashboard > Applications > APIs > Auth0 Management API > API Explorer) instead of an application (\'-\' reads stdin) [env: AUTH0_MGMT_TOKEN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l mgmt-token-file -d 'Read the Management API token from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -f -a "create" -d 'Create a database user with a TOTP authentication method, confirmed at once, and print its user_id, email, password and otp_secret'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -f -a "show" -d 'Show a user: its authentication methods (pending or confirmed) and its brute-force blocks'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -f -a "unblock" -d 'Lift the brute-force blocks of a user (too_many_attempts at login)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -f -a "reset-mfa" -d 'Remove every authentication method of a user'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -f -a "delete" -d 'Delete a user, or (--created-by-this-tool) every user this tool created that is older than --older-than'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and not __fish_seen_subcommand_from create show unblock reset-mfa delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l connection -d 'The database connection to create the user in [default: the realm setting, AUTH0_REALM]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l email -d 'The user\'s email [default: a random test-...@example.com]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l password -d 'The user\'s password (\'-\' reads stdin) [default: a strong random one]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l password-file -d 'Read the user\'s password from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l otp-secret -d 'The TOTP secret: auto (a random one) or a base32 secret' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l mgmt-domain -d 'The tenant\'s canonical domain (TENANT.REGION.auth0.com), where the Management API lives, when --domain is a custom domain [default: --domain] [env: AUTH0_MGMT_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l mgmt-client-id -d 'Client id of a machine-to-machine application authorized for the Auth0 Management API [env: AUTH0_MGMT_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l mgmt-client-secret -d 'That application\'s secret (\'-\' reads stdin) [env: AUTH0_MGMT_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l mgmt-client-secret-file -d 'Read the Management application\'s secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l mgmt-client-assertion-key -d 'private_key_jwt for the Management application: its RSA private key (PEM file; RS256) [env: AUTH0_MGMT_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l mgmt-token -d 'A Management API token (Dashboard > Applications > APIs > Auth0 Management API > API Explorer) instead of an application (\'-\' reads stdin) [env: AUTH0_MGMT_TOKEN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l mgmt-token-file -d 'Read the Management API token from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l mgmt-domain -d 'The tenant\'s canonical domain (TENANT.REGION.auth0.com), where the Management API lives, when --domain is a custom domain [default: --domain] [env: AUTH0_MGMT_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l mgmt-client-id -d 'Client id of a machine-to-machine application authorized for the Auth0 Management API [env: AUTH0_MGMT_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l mgmt-client-secret -d 'That application\'s secret (\'-\' reads stdin) [env: AUTH0_MGMT_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l mgmt-client-secret-file -d 'Read the Management application\'s secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l mgmt-client-assertion-key -d 'private_key_jwt for the Management application: its RSA private key (PEM file; RS256) [env: AUTH0_MGMT_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l mgmt-token -d 'A Management API token (Dashboard > Applications > APIs > Auth0 Management API > API Explorer) instead of an application (\'-\' reads stdin) [env: AUTH0_MGMT_TOKEN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l mgmt-token-file -d 'Read the Management API token from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l mgmt-domain -d 'The tenant\'s canonical domain (TENANT.REGION.auth0.com), where the Management API lives, when --domain is a custom domain [default: --domain] [env: AUTH0_MGMT_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l mgmt-client-id -d 'Client id of a machine-to-machine application authorized for the Auth0 Management API [env: AUTH0_MGMT_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l mgmt-client-secret -d 'That application\'s secret (\'-\' reads stdin) [env: AUTH0_MGMT_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l mgmt-client-secret-file -d 'Read the Management application\'s secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l mgmt-client-assertion-key -d 'private_key_jwt for the Management application: its RSA private key (PEM file; RS256) [env: AUTH0_MGMT_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l mgmt-token -d 'A Management API token (Dashboard > Applications > APIs > Auth0 Management API > API Explorer) instead of an application (\'-\' reads stdin) [env: AUTH0_MGMT_TOKEN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l mgmt-token-file -d 'Read the Management API token from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from unblock" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l mgmt-domain -d 'The tenant\'s canonical domain (TENANT.REGION.auth0.com), where the Management API lives, when --domain is a custom domain [default: --domain] [env: AUTH0_MGMT_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l mgmt-client-id -d 'Client id of a machine-to-machine application authorized for the Auth0 Management API [env: AUTH0_MGMT_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l mgmt-client-secret -d 'That application\'s secret (\'-\' reads stdin) [env: AUTH0_MGMT_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l mgmt-client-secret-file -d 'Read the Management application\'s secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l mgmt-client-assertion-key -d 'private_key_jwt for the Management application: its RSA private key (PEM file; RS256) [env: AUTH0_MGMT_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l mgmt-token -d 'A Management API token (Dashboard > Applications > APIs > Auth0 Management API > API Explorer) instead of an application (\'-\' reads stdin) [env: AUTH0_MGMT_TOKEN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l mgmt-token-file -d 'Read the Management API token from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -s y -l yes -d 'Do not ask for confirmation'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from reset-mfa" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l older-than -d 'With --created-by-this-tool: only users older than this (90s, 30m, 12h, 1d, 2w)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l mgmt-domain -d 'The tenant\'s canonical domain (TENANT.REGION.auth0.com), where the Management API lives, when --domain is a custom domain [default: --domain] [env: AUTH0_MGMT_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l mgmt-client-id -d 'Client id of a machine-to-machine application authorized for the Auth0 Management API [env: AUTH0_MGMT_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l mgmt-client-secret -d 'That application\'s secret (\'-\' reads stdin) [env: AUTH0_MGMT_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l mgmt-client-secret-file -d 'Read the Management application\'s secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l mgmt-client-assertion-key -d 'private_key_jwt for the Management application: its RSA private key (PEM file; RS256) [env: AUTH0_MGMT_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l mgmt-token -d 'A Management API token (Dashboard > Applications > APIs > Auth0 Management API > API Explorer) instead of an application (\'-\' reads stdin) [env: AUTH0_MGMT_TOKEN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l mgmt-token-file -d 'Read the Management API token from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l created-by-this-tool -d 'Delete the users `users create` made (marked in app_metadata), never others'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a database user with a TOTP authentication method, confirmed at once, and print its user_id, email, password and otp_secret'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a user: its authentication methods (pending or confirmed) and its brute-force blocks'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "unblock" -d 'Lift the brute-force blocks of a user (too_many_attempts at login)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "reset-mfa" -d 'Remove every authentication method of a user'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a user, or (--created-by-this-tool) every user this tool created that is older than --older-than'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -s u -l username -d 'The session of this user, when several are stored [env: AUTH0_USERNAME]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l audience -d 'The session for this API audience, when several are stored [env: AUTH0_AUDIENCE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l min-ttl -d 'Refresh when the access token has fewer seconds left than this' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l factor -d 'The factor to answer with if the refresh asks for MFA [env: AUTH0_MFA_FACTOR]' -r -f -a "otp\t''
push\t''
sms\t''
voice\t''
email\t''
recovery-code\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l authenticator-id -d 'Challenge this authenticator if the refresh asks for MFA' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l otp -d 'The authenticator app\'s current code' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l otp-secret -d 'Compute the code from this base32 secret or otpauth:// URI (\'-\' reads stdin) [env: AUTH0_OTP_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l otp-secret-file -d 'Read the OTP secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l otp-command -d 'Take the code from this command\'s output, e.g. \'op item get Auth0 --otp\' [env: AUTH0_MFA_OTP_COMMAND]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l binding-code -d 'The code from the SMS, voice call or email of an earlier challenge (verify --oob-code)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l binding-code-command -d 'Once the SMS, voice call or email is sent, take its code from this command\'s output (it gets AUTH0_MFA_CHANNEL, AUTH0_MFA_DESTINATION, AUTH0_MFA_USERNAME)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l recovery-code -d 'Answer with a recovery code (Auth0 then issues a new one)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l save-recovery-code -d 'Also write the new recovery code to FILE (created new, mode 0600)' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l interval -d 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l format -d 'Print the tokens as: raw (the access token alone), json, env (sh/bash/zsh export lines), env-no-export, fish, powershell, dotenv, github-env, github-output' -r -f -a "raw\t'The access token and a newline (the default)'
json\t'The token set, as --json prints it'
env\t'`export NAME=\'value\'` lines for sh, bash and zsh (eval, CircleCI\'s $BASH_ENV)'
env-no-export\t'`NAME=\'value\'` lines, without export'
fish\t'`set -gx NAME \'value\'` lines for fish'
powershell\t'`$Env:NAME = \'value\'` lines for PowerShell'
dotenv\t'`NAME=value` lines, unquoted (docker --env-file, compose, GitLab\'s dotenv reports)'
github-env\t'Appended to the file $GITHUB_ENV names (later steps\' environment)'
github-output\t'Appended to the file $GITHUB_OUTPUT names (the step\'s outputs)'"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l env-name -d 'Rename an exported variable: FIELD=NAME, FIELD one of access_token, token_type, expires_at, id_token, refresh_token (never exported unless named)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l no-otp-wait -d 'When the current TOTP code was already sent, fail at once instead of waiting for the next'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l overwrite -d 'Let --save-recovery-code replace an existing FILE'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l no-wait -d 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand token" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -s u -l username -d 'The session of this user, when several are stored [env: AUTH0_USERNAME]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l audience -d 'The session for this API audience, when several are stored [env: AUTH0_AUDIENCE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l min-ttl -d 'Refresh when the access token has fewer seconds left than this' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l factor -d 'The factor to answer with if the refresh asks for MFA [env: AUTH0_MFA_FACTOR]' -r -f -a "otp\t''
push\t''
sms\t''
voice\t''
email\t''
recovery-code\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l authenticator-id -d 'Challenge this authenticator if the refresh asks for MFA' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l otp -d 'The authenticator app\'s current code' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l otp-secret -d 'Compute the code from this base32 secret or otpauth:// URI (\'-\' reads stdin) [env: AUTH0_OTP_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l otp-secret-file -d 'Read the OTP secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l otp-command -d 'Take the code from this command\'s output, e.g. \'op item get Auth0 --otp\' [env: AUTH0_MFA_OTP_COMMAND]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l binding-code -d 'The code from the SMS, voice call or email of an earlier challenge (verify --oob-code)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l binding-code-command -d 'Once the SMS, voice call or email is sent, take its code from this command\'s output (it gets AUTH0_MFA_CHANNEL, AUTH0_MFA_DESTINATION, AUTH0_MFA_USERNAME)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l recovery-code -d 'Answer with a recovery code (Auth0 then issues a new one)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l save-recovery-code -d 'Also write the new recovery code to FILE (created new, mode 0600)' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l interval -d 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l env-name -d 'Rename a variable the command gets: FIELD=NAME, FIELD one of access_token, token_type, expires_at, id_token, refresh_token (never given unless named)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l no-otp-wait -d 'When the current TOTP code was already sent, fail at once instead of waiting for the next'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l overwrite -d 'Let --save-recovery-code replace an existing FILE'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l no-wait -d 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l token-file -d 'Give the command AUTH0_ACCESS_TOKEN_FILE, a private file kept fresh (refreshed before expiry) for as long as it runs'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l mask-output -d 'Replace every token handed to the command by *** in its output. On by default where the CI masks nothing itself (GitLab, CircleCI, Jenkins, CI=true) and stdout is not a terminal. The cost: the command\'s stdout and stderr are pipes, no longer a terminal'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l no-mask-output -d 'Never filter the command\'s output (it keeps its terminal)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand exec" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -s u -l username -d 'The session of this user [env: AUTH0_USERNAME]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l audience -d 'The session for this API audience [env: AUTH0_AUDIENCE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l all -d 'Every stored session, of every tenant and application'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand logout" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -s u -l username -d 'The user\'s username or email [env: AUTH0_USERNAME]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l password -d 'The user\'s password; prompted for (hidden) on a terminal (\'-\' reads stdin) [env: AUTH0_PASSWORD]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l password-file -d 'Read the password from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l realm -d 'Database connection to log in through (uses the password-realm grant) [env: AUTH0_REALM]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l fix-policy -d 'With --fix: also set the tenant-wide MFA policy (never changed otherwise)' -r -f -a "all-applications\t''
confidence-score\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l mgmt-domain -d 'The tenant\'s canonical domain (TENANT.REGION.auth0.com), where the Management API lives, when --domain is a custom domain [default: --domain] [env: AUTH0_MGMT_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l mgmt-client-id -d 'Client id of a machine-to-machine application authorized for the Auth0 Management API [env: AUTH0_MGMT_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l mgmt-client-secret -d 'That application\'s secret (\'-\' reads stdin) [env: AUTH0_MGMT_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l mgmt-client-secret-file -d 'Read the Management application\'s secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l mgmt-client-assertion-key -d 'private_key_jwt for the Management application: its RSA private key (PEM file; RS256) [env: AUTH0_MGMT_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l mgmt-token -d 'A Management API token (Dashboard > Applications > APIs > Auth0 Management API > API Explorer) instead of an application (\'-\' reads stdin) [env: AUTH0_MGMT_TOKEN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l mgmt-token-file -d 'Read the Management API token from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l send -d 'Also challenge push, SMS, voice and email factors (this notifies the user)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l fix -d 'Plan changes that set right what the Management API can fix (grant types, factors, blocks, pending enrollments), show them, and apply them when confirmed'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l yes -d 'With --fix: apply the plan without asking'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l time -d 'Compute the code for this Unix time instead of now' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l digits -d 'Code length [default: 6, or the URI\'s]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l period -d 'Seconds per code [default: 30, or the URI\'s]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l algorithm -d 'HMAC algorithm [default: sha1, or the URI\'s]' -r -f -a "sha1\t''
sha256\t''
sha512\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand totp" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -f -a "init" -d 'Write a profile (--profile, else "default") to the config file, asking for what flags and environment do not give'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -f -a "show" -d 'Show every setting, its value (secrets masked) and where it came from'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -f -a "path" -d 'Print the config file\'s path'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and not __fish_seen_subcommand_from init show path help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Write a profile (--profile, else "default") to the config file, asking for what flags and environment do not give'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show every setting, its value (secrets masked) and where it came from'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the config file\'s path'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l listen -d 'Address to listen on; any other than loopback exposes the tenant\'s test data to other hosts (0.0.0.0:8787 in a container)' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l tenant -d 'Tenant file (TOML) describing clients and users [default: the built-in demo tenant]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l ca-file -d 'Where --tls writes the CA certificate (PEM), for --cacert; the CA --check trusts [default: emulator-ca.pem in the state dir, ~/.local/state/auth0-mfa]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l tls-name -d 'Another name for the certificate to hold, besides 127.0.0.1, ::1 and localhost (a compose service name, auth0.test, an IP); repeatable' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l public-url -d 'The URL clients use, for the issuer and every URL in answers [default: the Host of each request]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l check -d 'Check that the emulator at URL is ready (GET URL/_emulator/health): exit 0 if so, for container health checks' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l control-token -d 'The token the control API (/_emulator/) requires, sent as Authorization: Bearer TOKEN; --check sends it. Listening beyond loopback without one, a token is generated and printed in the banner' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l tls -d 'Serve HTTPS with a certificate from a CA generated at start'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l print-tenant -d 'Print the tenant (the built-in demo one, or --tenant\'s) as a tenant file, and exit'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -f -a "outbox" -d 'Print the codes a running emulator sent by SMS, voice or email (at --domain / AUTH0_DOMAIN, else http://127.0.0.1:8787)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and not __fish_seen_subcommand_from outbox help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l to -d 'Only messages to this phone number or email address (or its masked form, as the authenticator list shows it), or for this username' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l ca-file -d 'The CA file of an emulator serving --tls' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l latest -d 'Print only the code of the latest message, for --binding-code-command'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from outbox" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "outbox" -d 'Print the codes a running emulator sent by SMS, voice or email (at --domain / AUTH0_DOMAIN, else http://127.0.0.1:8787)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand emulator; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l profile -d 'Profile of the config file to use [env: AUTH0_MFA_PROFILE]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l config -d 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\\auth0-mfa\\config.toml on Windows] [env: AUTH0_MFA_CONFIG]' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l domain -d 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l client-id -d 'Application (client) id [env: AUTH0_CLIENT_ID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l client-secret -d 'Application secret; omit for public applications (\'-\' reads stdin) [env: AUTH0_CLIENT_SECRET]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l client-secret-file -d 'Read the client secret from FILE' -r -F
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l client-assertion-key -d 'private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l client-assertion-alg -d 'Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]' -r -f -a "RS256\t''
RS384\t''
PS256\t''"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l client-assertion-kid -d 'Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l cacert -d 'Also trust the CA certificates in this PEM file (a private CA, the emulator\'s --tls) [env: AUTH0_CACERT]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l timeout -d 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]' -r
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l json -d 'Print the result as one JSON document (also on failure)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -s v -l verbose -d 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l no-input -d 'Never prompt; a missing value is an error that names its flag'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l curl -d 'Print each request as an equivalent curl command on stderr, reading secrets from environment variables'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -l no-ci-mask -d 'Do not register secrets with the CI\'s log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand demo" -s h -l help -d 'Print help'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "login" -d 'Log a user in; when Auth0 answers mfa_required, finish the MFA flow'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "challenge" -d 'Ask Auth0 for an MFA challenge (POST /mfa/challenge)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "verify" -d 'Answer a challenge and print the tokens (the MFA grants of /oauth/token)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "enroll" -d 'Enroll a new authenticator (POST /mfa/associate) and confirm it'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "authenticators" -d 'List or delete the user\'s authenticators'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "users" -d 'Test users on demand through the Management API: create one with a TOTP method, show, unblock, reset its MFA, delete'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "token" -d 'Print a valid access token from the stored session, refreshed when needed (for scripts)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "exec" -d 'Run a command with a valid access token in its environment (AUTH0_ACCESS_TOKEN)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "logout" -d 'Revoke the stored refresh token and forget the session'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "doctor" -d 'Diagnose the tenant\'s MFA set-up: one line per check, with the fix for each failure'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "totp" -d 'Compute a TOTP code from a base32 secret or an otpauth:// URI'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "config" -d 'Show the resolved settings, or where the config file is'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "completions" -d 'Print a shell completion script'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "emulator" -d 'Run the local Auth0 MFA emulator until Ctrl-C, print its demo tenant, or check one is ready'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "demo" -d 'Run the whole MFA flow against the built-in emulator, step by step'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and not __fish_seen_subcommand_from login challenge verify enroll authenticators users token exec logout doctor totp config completions emulator demo help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and __fish_seen_subcommand_from authenticators" -f -a "list" -d 'List the user\'s authenticators (GET /mfa/authenticators)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and __fish_seen_subcommand_from authenticators" -f -a "delete" -d 'Delete an authenticator, and the one linked to it (DELETE /mfa/authenticators/ID)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "create" -d 'Create a database user with a TOTP authentication method, confirmed at once, and print its user_id, email, password and otp_secret'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "show" -d 'Show a user: its authentication methods (pending or confirmed) and its brute-force blocks'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "unblock" -d 'Lift the brute-force blocks of a user (too_many_attempts at login)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "reset-mfa" -d 'Remove every authentication method of a user'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "delete" -d 'Delete a user, or (--created-by-this-tool) every user this tool created that is older than --older-than'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Write a profile (--profile, else "default") to the config file, asking for what flags and environment do not give'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show every setting, its value (secrets masked) and where it came from'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config file\'s path'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand help; and __fish_seen_subcommand_from emulator" -f -a "outbox" -d 'Print the codes a running emulator sent by SMS, voice or email (at --domain / AUTH0_DOMAIN, else http://127.0.0.1:8787)'
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand enroll" -f -a "otp
sms
voice
email
push"
complete -c auth0-mfa -n "__fish_auth0_mfa_using_subcommand completions" -f -a "bash
elvish
fish
powershell
zsh"
