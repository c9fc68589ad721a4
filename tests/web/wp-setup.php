<?php
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Installs a WordPress site for the web tests (wp-site.sh runs it inside
// the site) and prints the users' application passwords as shell
// assignments: AMPARO_WP_[PLAIN_]<USER>_PASSWORD=…

require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

function amparo_setup_site($kind) {
  $prefix = $kind === 'plain' ? 'AMPARO_WP_PLAIN_' : 'AMPARO_WP_';

  // No mail leaves the machine (and there is no sendmail).
  add_filter('pre_wp_mail', '__return_false');
  ob_start();
  wp_install('Amparo test site', 'admin', 'admin@example.invalid', false, '',
             wp_generate_password(24, false));
  ob_end_clean();

  // Only the tests' own posts.
  foreach (get_posts(array('post_type' => array('post', 'page'), 'post_status' => 'any',
                           'numberposts' => -1)) as $post)
    wp_delete_post($post->ID, true);
  update_option('timezone_string', 'America/Los_Angeles');
  update_option('rss_use_excerpt', 1);
  update_option('posts_per_rss', 10);
  update_option('posts_per_page', 10);
  update_option('permalink_structure',
                $kind === 'plain' ? '' : '/%year%/%monthnum%/%day%/%postname%/');
  // Rebuilt on the first request, with every taxonomy registered (during
  // the install the category rules would be missing).
  delete_option('rewrite_rules');

  $users = array(
    'admin'   => array('administrator', 'Site Admin'),
    'editor'  => array('editor', 'Renee Garcia'),
    'author'  => array('author', 'Ana Author'),
    'author2' => array('author', 'Beto Author'),
  );
  foreach ($users as $login => $info) {
    $user = get_user_by('login', $login);
    $id = $user ? $user->ID : wp_insert_user(array(
      'user_login' => $login,
      'user_pass' => wp_generate_password(24, false),
      'user_email' => $login . '@example.invalid',
      'display_name' => $info[1],
      'role' => $info[0],
    ));
    if (is_wp_error($id)) {
      fwrite(STDERR, $id->get_error_message() . "\n");
      exit(1);
    }
    wp_update_user(array('ID' => $id, 'display_name' => $info[1], 'role' => $info[0]));
    $made = WP_Application_Passwords::create_new_application_password($id, array('name' => 'Amparo'));
    if (is_wp_error($made)) {
      fwrite(STDERR, $made->get_error_message() . "\n");
      exit(1);
    }
    echo $prefix . strtoupper($login) . '_PASSWORD=' . $made[0] . "\n";
  }
}
