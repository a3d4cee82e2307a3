
use builtin;
use str;

set edit:completion:arg-completer[auth0-mfa] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'auth0-mfa'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'auth0-mfa'= {
            cand --color 'When to colour output'
            cand --profile 'Profile of the config file to use'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml]'
            cand --domain 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL'
            cand --client-id 'Application (client) id'
            cand --client-secret 'Application secret; omit for public applications (''-'' reads stdin)'
            cand --timeout 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]'
            cand --json 'Print the result as one JSON document (also on failure)'
            cand -v 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --verbose 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --no-input 'Never prompt; a missing value is an error that names its flag'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Log a user in; when Auth0 answers mfa_required, finish the MFA flow'
            cand challenge 'Ask Auth0 for an MFA challenge (POST /mfa/challenge)'
            cand verify 'Answer a challenge and print the tokens (the MFA grants of /oauth/token)'
            cand enroll 'Enroll a new authenticator (POST /mfa/associate) and confirm it'
            cand authenticators 'List or delete the user''s authenticators'
            cand totp 'Compute a TOTP code from a base32 secret or an otpauth:// URI'
            cand config 'Show the resolved settings, or where the config file is'
            cand completions 'Print a shell completion script'
            cand emulator 'Run the local Auth0 MFA emulator until Ctrl-C'
            cand demo 'Run the whole MFA flow against the built-in emulator, step by step'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'auth0-mfa;login'= {
            cand -u 'The user''s username or email'
            cand --username 'The user''s username or email'
            cand --password 'The user''s password; prompted for (hidden) when missing (''-'' reads stdin)'
            cand --realm 'Database connection to log in through (uses the password-realm grant)'
            cand --audience 'API audience of the access token (https://DOMAIN/mfa/ to manage authenticators)'
            cand --scope 'Scopes to request, space-separated [default: openid profile email]'
            cand --factor 'The factor to answer with [default: the only one, or a choice on a terminal]'
            cand --authenticator-id 'Challenge this authenticator (an id from `authenticators list`)'
            cand --otp 'The authenticator app''s current code'
            cand --otp-secret 'Compute the code from this base32 secret or otpauth:// URI (''-'' reads stdin)'
            cand --binding-code 'The code from the SMS, voice call or email (binding_method prompt)'
            cand --recovery-code 'Answer with a recovery code (Auth0 then issues a new one)'
            cand --save-recovery-code 'Also write the new recovery code to FILE (mode 0600)'
            cand --interval 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]'
            cand --color 'When to colour output'
            cand --profile 'Profile of the config file to use'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml]'
            cand --domain 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL'
            cand --client-id 'Application (client) id'
            cand --client-secret 'Application secret; omit for public applications (''-'' reads stdin)'
            cand --timeout 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]'
            cand --mfa-token-only 'Stop at mfa_required and print the mfa_token, for scripts that run the steps'
            cand --no-wait 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)'
            cand --json 'Print the result as one JSON document (also on failure)'
            cand -v 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --verbose 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --no-input 'Never prompt; a missing value is an error that names its flag'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'auth0-mfa;challenge'= {
            cand --mfa-token 'The mfa_token from mfa_required (''-'' reads stdin)'
            cand --type 'Challenge type to ask for; repeat for several (Auth0 picks among them)'
            cand --authenticator-id 'Challenge this authenticator (an id from `authenticators list`)'
            cand --otp 'The authenticator app''s current code'
            cand --otp-secret 'Compute the code from this base32 secret or otpauth:// URI (''-'' reads stdin)'
            cand --binding-code 'The code from the SMS, voice call or email (binding_method prompt)'
            cand --recovery-code 'Answer with a recovery code (Auth0 then issues a new one)'
            cand --save-recovery-code 'Also write the new recovery code to FILE (mode 0600)'
            cand --interval 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]'
            cand --color 'When to colour output'
            cand --profile 'Profile of the config file to use'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml]'
            cand --domain 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL'
            cand --client-id 'Application (client) id'
            cand --client-secret 'Application secret; omit for public applications (''-'' reads stdin)'
            cand --timeout 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]'
            cand --verify 'Finish the flow in the same process: take the code or poll the push, print the tokens'
            cand --no-wait 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)'
            cand --json 'Print the result as one JSON document (also on failure)'
            cand -v 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --verbose 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --no-input 'Never prompt; a missing value is an error that names its flag'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'auth0-mfa;verify'= {
            cand --mfa-token 'The mfa_token from mfa_required (''-'' reads stdin)'
            cand --otp 'The authenticator app''s current code'
            cand --otp-secret 'Compute the code from this base32 secret or otpauth:// URI (''-'' reads stdin)'
            cand --binding-code 'The code from the SMS, voice call or email (binding_method prompt)'
            cand --recovery-code 'Answer with a recovery code (Auth0 then issues a new one)'
            cand --save-recovery-code 'Also write the new recovery code to FILE (mode 0600)'
            cand --oob-code 'The oob_code of an out-of-band challenge: polls a push, or sends --binding-code'
            cand --interval 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]'
            cand --color 'When to colour output'
            cand --profile 'Profile of the config file to use'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml]'
            cand --domain 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL'
            cand --client-id 'Application (client) id'
            cand --client-secret 'Application secret; omit for public applications (''-'' reads stdin)'
            cand --timeout 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]'
            cand --no-wait 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)'
            cand --json 'Print the result as one JSON document (also on failure)'
            cand -v 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --verbose 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --no-input 'Never prompt; a missing value is an error that names its flag'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'auth0-mfa;enroll'= {
            cand --token 'An mfa_token (first factor only) or an access token for https://DOMAIN/mfa/ with the enroll scope'
            cand --mfa-token 'An mfa_token (first factor only) or an access token for https://DOMAIN/mfa/ with the enroll scope'
            cand --phone 'Phone number in E.164 form, e.g. +15555550123 (sms, voice)'
            cand --email 'Email address to send codes to (email) [default: the user''s]'
            cand --otp 'The first code from the authenticator app, to confirm an otp enrollment'
            cand --otp-secret 'Compute the confirming code from this secret; ''auto'' uses the secret Auth0 returns'
            cand --binding-code 'The code from the SMS, voice call or email, to confirm those enrollments'
            cand --save-recovery-code 'Also write the recovery code of a first enrollment to FILE (mode 0600)'
            cand --interval 'Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]'
            cand --color 'When to colour output'
            cand --profile 'Profile of the config file to use'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml]'
            cand --domain 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL'
            cand --client-id 'Application (client) id'
            cand --client-secret 'Application secret; omit for public applications (''-'' reads stdin)'
            cand --timeout 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]'
            cand --no-confirm 'Leave the enrollment pending and print how to confirm it later'
            cand --confirm-with-secret 'Confirm an otp enrollment with a code computed from the returned secret (same as --otp-secret auto)'
            cand --no-wait 'Poll a push once; if it is not answered yet, exit 10 (authorization_pending)'
            cand --json 'Print the result as one JSON document (also on failure)'
            cand -v 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --verbose 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --no-input 'Never prompt; a missing value is an error that names its flag'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'auth0-mfa;authenticators'= {
            cand --color 'When to colour output'
            cand --profile 'Profile of the config file to use'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml]'
            cand --domain 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL'
            cand --client-id 'Application (client) id'
            cand --client-secret 'Application secret; omit for public applications (''-'' reads stdin)'
            cand --timeout 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]'
            cand --json 'Print the result as one JSON document (also on failure)'
            cand -v 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --verbose 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --no-input 'Never prompt; a missing value is an error that names its flag'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List the user''s authenticators (GET /mfa/authenticators)'
            cand delete 'Delete an authenticator, and the one linked to it (DELETE /mfa/authenticators/ID)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'auth0-mfa;authenticators;list'= {
            cand --token 'An mfa_token, or an access token for https://DOMAIN/mfa/ with read:authenticators'
            cand --mfa-token 'An mfa_token, or an access token for https://DOMAIN/mfa/ with read:authenticators'
            cand --color 'When to colour output'
            cand --profile 'Profile of the config file to use'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml]'
            cand --domain 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL'
            cand --client-id 'Application (client) id'
            cand --client-secret 'Application secret; omit for public applications (''-'' reads stdin)'
            cand --timeout 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]'
            cand --all 'Also show inactive (unconfirmed) enrollments'
            cand --json 'Print the result as one JSON document (also on failure)'
            cand -v 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --verbose 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --no-input 'Never prompt; a missing value is an error that names its flag'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'auth0-mfa;authenticators;delete'= {
            cand --token 'An access token for https://DOMAIN/mfa/ with remove:authenticators'
            cand --mfa-token 'An access token for https://DOMAIN/mfa/ with remove:authenticators'
            cand --color 'When to colour output'
            cand --profile 'Profile of the config file to use'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml]'
            cand --domain 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL'
            cand --client-id 'Application (client) id'
            cand --client-secret 'Application secret; omit for public applications (''-'' reads stdin)'
            cand --timeout 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print the result as one JSON document (also on failure)'
            cand -v 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --verbose 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --no-input 'Never prompt; a missing value is an error that names its flag'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'auth0-mfa;authenticators;help'= {
            cand list 'List the user''s authenticators (GET /mfa/authenticators)'
            cand delete 'Delete an authenticator, and the one linked to it (DELETE /mfa/authenticators/ID)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'auth0-mfa;authenticators;help;list'= {
        }
        &'auth0-mfa;authenticators;help;delete'= {
        }
        &'auth0-mfa;authenticators;help;help'= {
        }
        &'auth0-mfa;totp'= {
            cand --time 'Compute the code for this Unix time instead of now'
            cand --digits 'Code length [default: 6, or the URI''s]'
            cand --period 'Seconds per code [default: 30, or the URI''s]'
            cand --algorithm 'HMAC algorithm [default: sha1, or the URI''s]'
            cand --color 'When to colour output'
            cand --profile 'Profile of the config file to use'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml]'
            cand --domain 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL'
            cand --client-id 'Application (client) id'
            cand --client-secret 'Application secret; omit for public applications (''-'' reads stdin)'
            cand --timeout 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]'
            cand --json 'Print the result as one JSON document (also on failure)'
            cand -v 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --verbose 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --no-input 'Never prompt; a missing value is an error that names its flag'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'auth0-mfa;config'= {
            cand --color 'When to colour output'
            cand --profile 'Profile of the config file to use'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml]'
            cand --domain 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL'
            cand --client-id 'Application (client) id'
            cand --client-secret 'Application secret; omit for public applications (''-'' reads stdin)'
            cand --timeout 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]'
            cand --json 'Print the result as one JSON document (also on failure)'
            cand -v 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --verbose 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --no-input 'Never prompt; a missing value is an error that names its flag'
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'Show every setting, its value (secrets masked) and where it came from'
            cand path 'Print the config file''s path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'auth0-mfa;config;show'= {
            cand --color 'When to colour output'
            cand --profile 'Profile of the config file to use'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml]'
            cand --domain 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL'
            cand --client-id 'Application (client) id'
            cand --client-secret 'Application secret; omit for public applications (''-'' reads stdin)'
            cand --timeout 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]'
            cand --json 'Print the result as one JSON document (also on failure)'
            cand -v 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --verbose 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --no-input 'Never prompt; a missing value is an error that names its flag'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'auth0-mfa;config;path'= {
            cand --color 'When to colour output'
            cand --profile 'Profile of the config file to use'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml]'
            cand --domain 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL'
            cand --client-id 'Application (client) id'
            cand --client-secret 'Application secret; omit for public applications (''-'' reads stdin)'
            cand --timeout 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]'
            cand --json 'Print the result as one JSON document (also on failure)'
            cand -v 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --verbose 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --no-input 'Never prompt; a missing value is an error that names its flag'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'auth0-mfa;config;help'= {
            cand show 'Show every setting, its value (secrets masked) and where it came from'
            cand path 'Print the config file''s path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'auth0-mfa;config;help;show'= {
        }
        &'auth0-mfa;config;help;path'= {
        }
        &'auth0-mfa;config;help;help'= {
        }
        &'auth0-mfa;completions'= {
            cand --color 'When to colour output'
            cand --profile 'Profile of the config file to use'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml]'
            cand --domain 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL'
            cand --client-id 'Application (client) id'
            cand --client-secret 'Application secret; omit for public applications (''-'' reads stdin)'
            cand --timeout 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]'
            cand --json 'Print the result as one JSON document (also on failure)'
            cand -v 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --verbose 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --no-input 'Never prompt; a missing value is an error that names its flag'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'auth0-mfa;emulator'= {
            cand --listen 'Address to listen on (loopback)'
            cand --tenant 'Tenant file (TOML) describing clients and users [default: the built-in demo tenant]'
            cand --color 'When to colour output'
            cand --profile 'Profile of the config file to use'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml]'
            cand --domain 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL'
            cand --client-id 'Application (client) id'
            cand --client-secret 'Application secret; omit for public applications (''-'' reads stdin)'
            cand --timeout 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]'
            cand --json 'Print the result as one JSON document (also on failure)'
            cand -v 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --verbose 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --no-input 'Never prompt; a missing value is an error that names its flag'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'auth0-mfa;demo'= {
            cand --color 'When to colour output'
            cand --profile 'Profile of the config file to use'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml]'
            cand --domain 'Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL'
            cand --client-id 'Application (client) id'
            cand --client-secret 'Application secret; omit for public applications (''-'' reads stdin)'
            cand --timeout 'Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]'
            cand --json 'Print the result as one JSON document (also on failure)'
            cand -v 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --verbose 'Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)'
            cand --no-input 'Never prompt; a missing value is an error that names its flag'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'auth0-mfa;help'= {
            cand login 'Log a user in; when Auth0 answers mfa_required, finish the MFA flow'
            cand challenge 'Ask Auth0 for an MFA challenge (POST /mfa/challenge)'
            cand verify 'Answer a challenge and print the tokens (the MFA grants of /oauth/token)'
            cand enroll 'Enroll a new authenticator (POST /mfa/associate) and confirm it'
            cand authenticators 'List or delete the user''s authenticators'
            cand totp 'Compute a TOTP code from a base32 secret or an otpauth:// URI'
            cand config 'Show the resolved settings, or where the config file is'
            cand completions 'Print a shell completion script'
            cand emulator 'Run the local Auth0 MFA emulator until Ctrl-C'
            cand demo 'Run the whole MFA flow against the built-in emulator, step by step'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'auth0-mfa;help;login'= {
        }
        &'auth0-mfa;help;challenge'= {
        }
        &'auth0-mfa;help;verify'= {
        }
        &'auth0-mfa;help;enroll'= {
        }
        &'auth0-mfa;help;authenticators'= {
            cand list 'List the user''s authenticators (GET /mfa/authenticators)'
            cand delete 'Delete an authenticator, and the one linked to it (DELETE /mfa/authenticators/ID)'
        }
        &'auth0-mfa;help;authenticators;list'= {
        }
        &'auth0-mfa;help;authenticators;delete'= {
        }
        &'auth0-mfa;help;totp'= {
        }
        &'auth0-mfa;help;config'= {
            cand show 'Show every setting, its value (secrets masked) and where it came from'
            cand path 'Print the config file''s path'
        }
        &'auth0-mfa;help;config;show'= {
        }
        &'auth0-mfa;help;config;path'= {
        }
        &'auth0-mfa;help;completions'= {
        }
        &'auth0-mfa;help;emulator'= {
        }
        &'auth0-mfa;help;demo'= {
        }
        &'auth0-mfa;help;help'= {
        }
    ]
    $completions[$command]
}
