import type { NotifyStrings } from './notify-types'

// French typography: a no-break space (U+00A0) inside « » and before : ; ! ?
export const notifyFr: NotifyStrings = {
  email: {
    replySubject: (name, title) => `${name} a répondu sur «\u00a0${title}\u00a0»`,
    postSubject: (name, title) => `Nouveau commentaire de ${name} sur «\u00a0${title}\u00a0»`,
    authorSubject: (name, title, held) =>
      `${held ? 'À modérer\u00a0: n' : 'N'}ouveau commentaire de ${name} sur «\u00a0${title}\u00a0»`,
    confirmSubject: (site) => `Confirmez votre adresse pour ${site}`,
    replyIntro: (name, title) => `${name} a répondu à un commentaire que vous suivez sur «\u00a0${title}\u00a0»\u00a0:`,
    postIntro: (name, title) => `${name} a commenté «\u00a0${title}\u00a0»\u00a0:`,
    authorIntro: (name, title) => `${name} a commenté «\u00a0${title}\u00a0»\u00a0:`,
    readIt: 'Le lire sur le site',
    held: 'Ce commentaire attend votre approbation.',
    moderate: 'Ouvrir la page de modération',
    whyReply: 'Vous recevez ce courriel parce que vous avez demandé à être prévenu des réponses à votre commentaire.',
    whyPost: 'Vous recevez ce courriel parce que vous suivez les commentaires de ce billet.',
    whyAuthor: 'Vous recevez ce courriel parce que votre adresse est celle de l’auteur dans la configuration du site.',
    stopThis: 'Ne plus recevoir ces courriels',
    stopAll: (site) => `Ne plus recevoir aucun courriel de ${site}`,
    manage: 'Gérer mes abonnements',
    confirmIntro: (site) =>
      `Quelqu’un, vous sans doute, a demandé à recevoir des courriels sur les commentaires de ${site}. Rien ne sera envoyé à cette adresse avant votre confirmation.`,
    confirmAction: 'Confirmer mon adresse',
    confirmExpiry: (days) => `Le lien est valable ${days}\u00a0jours.`,
    confirmIgnore: 'Si vous n’avez rien demandé, ignorez ce courriel\u00a0: vous n’entendrez plus parler de nous.',
    alsoSubject: (title) => `Vous écrire aussi à propos de «\u00a0${title}\u00a0»\u00a0?`,
    alsoIntro: (title, site) =>
      `Quelqu’un, vous sans doute, a demandé des courriels sur les commentaires de «\u00a0${title}\u00a0» sur ${site}. Rien ne sera envoyé à ce sujet avant votre accord.`,
    alsoAction: 'Oui, ce billet aussi',
    alsoIgnore: 'Si vous n’avez rien demandé, ignorez ce courriel\u00a0: les courriels que vous recevez déjà ne changent pas.',
  },
  pages: {
    confirm: {
      title: 'Confirmez votre adresse',
      intro: 'Confirmez que vous voulez recevoir des courriels sur les commentaires que vous avez choisi de suivre.',
      button: 'Confirmer',
      done: 'Adresse confirmée',
      doneMessage: 'Merci. Vous recevrez les courriels demandés\u00a0; chacun contient un lien pour les arrêter.',
      pendingReplies: (title) =>
        `Cette adresse a aussi été inscrite aux réponses à un commentaire sur «\u00a0${title}\u00a0». Rien n’est envoyé à ce sujet sans votre accord.`,
      pendingPost: (title) =>
        `Cette adresse a aussi été inscrite à tous les nouveaux commentaires sur «\u00a0${title}\u00a0». Rien n’est envoyé à ce sujet sans votre accord.`,
      pendingButton: 'Oui, cela aussi',
    },
    unsubscribe: {
      title: 'Arrêter les courriels',
      replies: (title) => `Vous recevez un courriel quand quelqu’un répond à votre commentaire sur «\u00a0${title}\u00a0».`,
      post: (title) => `Vous recevez un courriel à chaque nouveau commentaire sur «\u00a0${title}\u00a0».`,
      all: (site) => `Ne plus recevoir aucun courriel de ${site} à cette adresse\u00a0?`,
      button: 'Arrêter ces courriels',
      buttonAll: 'Arrêter tous les courriels',
      done: 'Désinscription faite',
      doneMessage: 'Vous ne recevrez plus ces courriels.',
      doneAll: 'Vous ne recevrez plus de courriels',
      doneAllMessage: (site) =>
        `${site} n’enverra plus rien à cette adresse. Si vous redemandez des notifications, il vous faudra d’abord confirmer.`,
    },
    invalid: {
      title: 'Ce lien ne fonctionne pas',
      message: 'Le lien est incomplet ou a été modifié. Ouvrez-le de nouveau depuis le courriel, ou copiez-le en entier dans la barre d’adresse.',
    },
    expired: {
      title: 'Ce lien a expiré',
      message: 'Les liens de confirmation sont valables une semaine. Redemandez des notifications avec votre prochain commentaire\u00a0: un nouveau lien suivra.',
    },
    unavailable: { title: 'Réessayez', message: 'Impossible pour l’instant. Réessayez dans un moment.' },
    back: 'Retour à l’accueil',
    manage: {
      title: 'Vos abonnements',
      intro: (site) => `Ce que cette adresse suit sur ${site}. Arrêtez-en ce que vous voulez ici\u00a0; le reste ne change pas.`,
      empty: 'Cette adresse ne suit rien\u00a0: aucun courriel sur les commentaires ne lui sera envoyé.',
      replies: (title) => `Les réponses à votre commentaire sur «\u00a0${title}\u00a0»`,
      post: (title) => `Chaque nouveau commentaire sur «\u00a0${title}\u00a0»`,
      waiting: '(en attente de votre confirmation\u00a0: rien n’est envoyé d’ici là)',
      stop: 'Arrêter',
      stopLabel: (item) => `Arrêter\u00a0: ${item}`,
      stopAll: 'Tout arrêter',
      stopped: (item) => `Arrêté\u00a0: ${item}.`,
      stoppedAll: (site) => `${site} n’enverra plus rien à cette adresse. Si vous demandez à nouveau des notifications, il vous sera d’abord demandé de confirmer.`,
      choose: 'Choisissez ce qu’il faut arrêter avec l’un des boutons ci-dessous.',
    },
  },
  mailbox: {
    title: 'Boîte aux lettres',
    intro: 'Chaque courriel envoyé par le transport local (sans EMAIL_API_KEY), du plus récent au plus ancien. Les liens fonctionnent\u00a0: confirmez et désinscrivez-vous d’ici.',
    empty: 'Aucun courriel pour l’instant.',
    to: 'À',
    from: 'De',
    headers: 'En-têtes',
    html: 'Version HTML',
    oneClick: 'Désinscription en un clic (comme le ferait un logiciel de courriel)',
  },
  failed: {
    title: 'Courriels non remis',
    intro: 'Ces courriels ont échoué à chaque tentative. Réessayer les renvoie maintenant.',
    empty: 'Tous les courriels ont été remis.',
    attempts: (n) => (n <= 1 ? `${n}\u00a0tentative` : `${n}\u00a0tentatives`),
    retry: 'Réessayer',
    retried: 'Le courriel est de nouveau en file d’attente.',
    kind: { confirm: 'Confirmation', reply: 'Avis de réponse', post: 'Avis de commentaire', author: 'Avis à l’auteur', webhook: 'Alerte webhook' },
  },
}
