/*
 * cmd.h - the subcommands.
 *
 * Each subcommand lives in its own file src/cmd_<name>.c and exports one
 * function. It parses its own options (opt.h), calls the modules and
 * prints; on failure it sets app->err and returns -1, and main() prints
 * the message once and exits with app->err.code.
 *
 * To add a command: write src/cmd_<name>.c with
 *     int cmd_<name>(struct app *app, int argc, char **argv)
 * declare it below, and add a row to commands[] in main.c.
 */
#ifndef CMD_H
#define CMD_H

struct app;

typedef int (*cmd_fn)(struct app *app, int argc, char **argv);

int cmd_nieuw(struct app *app, int argc, char **argv);
int cmd_formulieren(struct app *app, int argc, char **argv);
int cmd_toon(struct app *app, int argc, char **argv);
int cmd_invullen(struct app *app, int argc, char **argv);
int cmd_zet(struct app *app, int argc, char **argv);
int cmd_controleer(struct app *app, int argc, char **argv);
int cmd_tijdlijn(struct app *app, int argc, char **argv);
int cmd_maak(struct app *app, int argc, char **argv);
int cmd_agenda(struct app *app, int argc, char **argv);
int cmd_verzuim(struct app *app, int argc, char **argv);
int cmd_verwijder(struct app *app, int argc, char **argv);
int cmd_instellingen(struct app *app, int argc, char **argv);
int cmd_logboek(struct app *app, int argc, char **argv);
int cmd_web(struct app *app, int argc, char **argv);

#endif
