// The `weft` command line's usage text.
import { PRODUCT } from './product.ts';

export const HELP = `${PRODUCT.bin} ${PRODUCT.version}: event-sourced, collaborative workflow automation

Usage:
  ${PRODUCT.bin} start                        start the server (API, webhooks, editor) on $PORT
  ${PRODUCT.bin} worker                       start a background worker (no HTTP)
  ${PRODUCT.bin} config                       list every setting, its environment variable and default
  ${PRODUCT.bin} users create --email E --password P [--name N] [--owner]
                                       create a user (the first one, or --owner, owns the instance;
                                       others join the default workspace as editors)
  ${PRODUCT.bin} users list                   list users
  ${PRODUCT.bin} apikey create --email E [--workspace W] [--label L]
                                       print a new API key for a user (default workspace: their first)
  ${PRODUCT.bin} import --input file.json [--workspace W]
                                       import n8n workflow JSON (one workflow or an array) into the data dir
  ${PRODUCT.bin} export [--id ID | --all] [--output file.json] [--workspace W]
                                       export workflows as n8n JSON (an array with --all)
  ${PRODUCT.bin} list [--active true|false] [--workspace W]
                                       list workflows: id, active, name
  ${PRODUCT.bin} execute --file W.json [--input items.json] [--output result.json]
                                       run a workflow file on the embedded engine, print n8n-shaped JSON
  ${PRODUCT.bin} test <workflow id | W.json | folder> [--junit report.xml] [--url URL] [--api-key KEY]
                                       run workflow tests: an id on a running instance (WEFT_URL,
                                       WEFT_API_KEY), files (cases under "tests") on the local engine;
                                       exits 1 when a test fails
  ${PRODUCT.bin} eval '{{ expression }}' [--input items.json]
                                       print an expression's value for the first input item
  ${PRODUCT.bin} check <workflow id or name> [--runs N | --executions id,id] [--junit file] [--url U] [--api-key K]
                                       check the draft against the last N (10) production runs on a running
                                       server ($WEFT_URL, else localhost:$PORT; key: $WEFT_API_KEY); exit 0 clean,
                                       1 not clean, 2 usage or connection error; --junit writes JUnit XML
  ${PRODUCT.bin} nodes install <package[@version]>
                                       install a community node package from npm into DATA_DIR/nodes
  ${PRODUCT.bin} nodes list [--check-updates] | update <package> [--version V] | remove <package>
                                       list, update or remove installed community node packages
  ${PRODUCT.bin} projections status           show each projection's version, checkpoint and quarantined events
  ${PRODUCT.bin} projections rebuild <name>   rebuild a projection from the first event, then swap; reports
                                       the events it could not apply (quarantined)
  ${PRODUCT.bin} version                      print the version
`;
