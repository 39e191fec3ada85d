/** E-mail over SMTP with Spring's {@code JavaMailSender}: plain UTF-8 text, the delivery id as Message-ID. */
package vn.gandan.notification.channel.email;
