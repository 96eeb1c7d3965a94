/* fb-server-pool.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-server-pool"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>

#include "fb-server-pool.h"
#include "fb-server.h"

/* One server per thread on one port. A single main loop serves one core and
 * lets a burst of connections queue behind each other; here every thread
 * has its own main context, its own database connection and its own
 * SoupServer, and the kernel hands each new connection to one of them
 * (SO_REUSEPORT). They share the sign-in throttle.
 *
 * The database stays consistent across threads: every write is one
 * BEGIN IMMEDIATE transaction, so writes run one at a time in revision
 * order, and a pull's snapshot always sees a prefix of the revisions, so
 * cursors never skip a change. */

typedef struct
{
  FbServerPool *pool;
  guint         index;
  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;
  guint         port;
} Worker;

struct _FbServerPool
{
  GObject          parent_instance;

  char            *db_path;
  guint            n_threads;
  GTlsCertificate *certificate;
  gboolean         log;
  FbLoginThrottle *throttle;
  char            *address;

  GMutex           mutex;
  GCond            cond;
  guint            n_started;
  GError          *error;
  Worker          *workers;
};

G_DEFINE_FINAL_TYPE (FbServerPool, fb_server_pool, G_TYPE_OBJECT)

static void
fb_server_pool_finalize (GObject *object)
{
  FbServerPool *self = (FbServerPool *)object;

  fb_server_pool_stop (self);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_object (&self->certificate);
  g_clear_object (&self->throttle);
  g_clear_error (&self->error);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (fb_server_pool_parent_class)->finalize (object);
}

static void
fb_server_pool_class_init (FbServerPoolClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fb_server_pool_finalize;
}

static void
fb_server_pool_init (FbServerPool *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->throttle = fb_login_throttle_new ();
}

/**
 * fb_server_pool_new:
 * @db_path: the server database, which must exist
 * @n_threads: how many servers, 1 to %FB_SERVER_POOL_MAX_THREADS
 * @certificate: (nullable): serve HTTPS with this certificate
 * @log: whether to log each request to stderr
 *
 * Returns: (transfer full): a pool that serves nothing yet
 */
FbServerPool *
fb_server_pool_new (const char      *db_path,
                    guint            n_threads,
                    GTlsCertificate *certificate,
                    gboolean         log)
{
  FbServerPool *self = g_object_new (FB_TYPE_SERVER_POOL, NULL);

  self->db_path = g_strdup (db_path);
  self->n_threads = CLAMP (n_threads, 1, FB_SERVER_POOL_MAX_THREADS);
  self->certificate = certificate ? g_object_ref (certificate) : NULL;
  self->log = log;
  return self;
}

static void
report_started (FbServerPool *self,
                Worker       *worker,
                guint         port,
                GError       *error)
{
  g_mutex_lock (&self->mutex);
  worker->port = port;
  if (error != NULL && self->error == NULL)
    self->error = g_error_copy (error);
  self->n_started++;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;
  FbServerPool *self = worker->pool;
  g_autoptr(FbServerStore) store = NULL;
  g_autoptr(FbServer) server = NULL;
  g_autoptr(GOutputStream) log = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (worker->context);

  store = fb_server_store_open (self->db_path, &error);
  if (store != NULL)
    {
      server = fb_server_new (store);
      fb_server_set_throttle (server, self->throttle);
      fb_server_set_reuse_port (server, self->n_threads > 1);
      if (self->log)
        {
          /* A stream per thread: each line is one write () to the same fd. */
          log = g_unix_output_stream_new (STDERR_FILENO, FALSE);
          fb_server_set_log (server, log);
        }
      fb_server_listen (server, self->address, self->certificate, &error);
    }

  report_started (self, worker, error == NULL ? fb_server_get_port (server) : 0, error);

  if (error == NULL)
    g_main_loop_run (worker->loop);

  g_clear_object (&server);
  while (g_main_context_iteration (worker->context, FALSE))
    ;
  g_main_context_pop_thread_default (worker->context);
  return NULL;
}

static gboolean
start_worker (FbServerPool  *self,
              guint          index,
              GError       **error)
{
  Worker *worker = &self->workers[index];

  worker->pool = self;
  worker->index = index;
  worker->context = g_main_context_new ();
  worker->loop = g_main_loop_new (worker->context, FALSE);
  worker->thread = g_thread_new ("fb-server", worker_thread, worker);

  g_mutex_lock (&self->mutex);
  while (self->n_started <= index)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  return TRUE;
}

/**
 * fb_server_pool_start:
 * @address: "HOST:PORT"; port 0 takes a free port
 *
 * Starts the servers; returns once all listen, or the first fails.
 */
gboolean
fb_server_pool_start (FbServerPool  *self,
                      const char    *address,
                      GError       **error)
{
  g_autoptr(GSocketConnectable) connectable = NULL;
  g_autofree char *host = NULL;
  guint16 port;

  g_return_val_if_fail (self->workers == NULL, FALSE);

  connectable = g_network_address_parse (address, 8443, error);
  if (connectable == NULL)
    return FALSE;
  host = g_strdup (g_network_address_get_hostname (G_NETWORK_ADDRESS (connectable)));
  port = g_network_address_get_port (G_NETWORK_ADDRESS (connectable));

  self->workers = g_new0 (Worker, self->n_threads);

  /* The first takes the port, if it was 0; the others join it there. */
  self->address = g_strdup_printf (strchr (host, ':') ? "[%s]:%u" : "%s:%u", host, port);
  if (!start_worker (self, 0, error))
    return FALSE;

  g_free (self->address);
  self->address = g_strdup_printf (strchr (host, ':') ? "[%s]:%u" : "%s:%u", host,
                                   self->workers[0].port);
  for (guint i = 1; i < self->n_threads; i++)
    if (!start_worker (self, i, error))
      return FALSE;

  return TRUE;
}

guint
fb_server_pool_get_port (FbServerPool *self)
{
  return self->workers != NULL ? self->workers[0].port : 0;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/**
 * fb_server_pool_stop:
 *
 * Stops every server and waits for its thread.
 */
void
fb_server_pool_stop (FbServerPool *self)
{
  if (self->workers == NULL)
    return;

  for (guint i = 0; i < self->n_threads; i++)
    {
      Worker *worker = &self->workers[i];

      if (worker->thread == NULL)
        continue;
      g_main_context_invoke (worker->context, quit_loop, worker->loop);
      g_thread_join (worker->thread);
      g_main_loop_unref (worker->loop);
      g_main_context_unref (worker->context);
    }

  g_clear_pointer (&self->workers, g_free);
}
