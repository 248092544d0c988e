// Русские тексты собственных сообщений приложения (ключи — в app-messages.ts) и советов к
// кодам APP_ERRORS. Их показывают и окно, и трей с уведомлениями.

import { DOCTOR_RU_MESSAGES } from '../doctor/doctor-messages-ru';
import type { MessageKey } from './app-messages';
import type { AppErrorCode } from './errors';

export const RU_MESSAGES: Record<MessageKey, string> = {
  ...DOCTOR_RU_MESSAGES,
  'verb.rename': 'переименовать',
  'verb.delete': 'удалить',
  'verb.replace': 'заменить',
  'verb.import': 'импортировать',
  'verb.export': 'экспортировать',
  'verb.open': 'открыть',
  'verb.diagnostics': 'сохранить диагностику',

  'phonebook.connectedBefore': '«{{entry}}» подключено: разъедините его, чтобы {{action}} запись.',
  'phonebook.malformed': '{{file}}: строка {{line}}: {{problem}}',
  'phonebook.malformedMore': '{{file}}: строка {{line}}: {{problem}} (и ещё ошибок: {{more}})',
  'phonebook.changed': 'Файл {{file}} изменила другая программа; ничего не записано.',
  'phonebook.exportOpen':
    '{{file}} — телефонная книга, открытая в программе (или её собственный файл); экспортируйте в другой файл.',
  'phonebook.exportExists':
    'Файл {{file}} уже существует; ничего не записано. Подтвердите, что его можно заменить (--force).',
  'phonebook.entryInvalid': 'В записи недопустимые значения ({{count}}): {{fields}}.',
  'phonebook.importInvalid': '{{entry}}: в записи недопустимые значения ({{count}}): {{fields}}.',

  'pbk.parseError': 'Телефонная книга повреждена: строка {{line}}: {{problem}}',
  'pbk.parseErrorMore':
    'Телефонная книга повреждена: строка {{line}}: {{problem}} (и ещё ошибок: {{more}})',
  'pbk.nul': 'содержит символ NUL (это двоичный файл или файл в UTF-16?)',
  'pbk.missingBracket': 'у имени записи нет закрывающей скобки «]»',
  'pbk.textAfterName': 'лишний текст после имени записи: «{{text}}»',
  'pbk.emptyName': 'имя записи пустое',
  'pbk.unexpectedLine':
    'ожидалось ключ=значение, [имя записи] или комментарий, а найдено «{{text}}»',
  'pbk.noKey': 'у строки есть значение, но нет ключа',
  'pbk.keyBeforeEntry': '«{{text}}=» стоит раньше первого [имени записи]',

  'file.missing': 'Файла {{file}} не существует.',
  'file.missingPart': 'Файла {{file}} не существует: часть его пути — не папка.',
  'file.loop': '{{file}} — петля символических ссылок: она никогда не приводит к файлу.',
  'file.denied': 'Не удаётся открыть {{file}}: доступ запрещён.',
  'file.notPermitted': 'Не удаётся открыть {{file}}: операция не разрешена.',
  'file.readOnlyDisk': 'Не удаётся записать {{file}}: файловая система доступна только для чтения.',
  'file.diskFull': 'Не удаётся записать {{file}}: диск заполнен.',
  'file.folder': '{{file}} — папка, а не файл телефонной книги.',
  'file.notRegular': '{{file}} — {{kind}}, а не файл телефонной книги.',
  'file.tooLargeMiB': 'Файл {{file}} больше {{size}} МиБ — слишком велик для телефонной книги.',
  'file.tooLargeBytes': 'Файл {{file}} больше {{size}} Б — слишком велик для телефонной книги.',
  'file.timeout': 'Чтение {{file}} заняло больше {{seconds}} с и было прервано.',
  'file.readOnly':
    'Файл {{file}} доступен только для чтения; ничего не записано. Разрешите запись, чтобы изменить его.',
  'file.locked':
    'Файл {{file}} заблокирован другой программой; ничего не записано. Повторите попытку через минуту.',
  'file.lockedBy':
    'Файл {{file}} заблокирован другой программой (pid {{pid}}); ничего не записано. Повторите попытку через минуту.',
  'fileKind.symlink': 'символическая ссылка',
  'fileKind.fifo': 'канал (FIFO)',
  'fileKind.socket': 'сокет',
  'fileKind.device': 'устройство',
  'fileKind.other': 'не обычный файл',

  'ipc.noChannel': 'Такого канала нет.',
  'ipc.invalidRequest': 'Запрос {{channel}} отклонён: недопустимые данные.',
  'ipc.invalidRequestAt': 'Запрос {{channel}} отклонён: недопустимое значение в {{path}}.',
  'ipc.requestFailed': 'Запрос не выполнен.',
  'ipc.connectionClosed': 'Связь с RAS Connect прервалась.',
  'ipc.notOurPage': 'Отказано: это не страница программы.',
  'ipc.chooseFile': 'Сначала выберите в диалоге файл, чтобы {{purpose}}.',
  'ipc.noFolder': 'Папки {{folder}} не существует; ничего не записано. Проверьте путь.',
  'ipc.tooManyBooks':
    'Открытых телефонных книг может быть не больше {{max}}; сначала закройте одну из них.',
  'ipc.fileExists':
    'Файл {{file}} уже существует; ничего не записано. Выберите другое имя или замените его.',

  'session.alreadyConnected': '«{{entry}}» уже подключено.',
  'session.alreadyDialing': '«{{entry}}» уже набирается.',
  'session.noConnection': 'Подключения «{{id}}» нет.',
  'session.notConnected': '«{{entry}}» не подключено.',
  'session.noStatistics': 'Статистика есть только у установленного подключения.',
  'session.noTerminal': 'Windows не даёт программам связи с портом.',
  'session.notInTerminal': 'Подключение не ждёт ввода в окне терминала.',
  'session.notPaused': 'Подключение не ждёт ответа.',
  'session.otherAnswer': 'Подключение ждёт ответа «{{expected}}», а не «{{given}}».',
  'session.notRedialing': 'Подключение не ждёт повторного набора.',
  'session.stillUpShared':
    'Подключение всё ещё установлено через {{seconds}} с после разъединения: возможно, им ещё пользуется другая программа (rasdial, другой диспетчер подключений).',
  'session.stillUp':
    'Подключение всё ещё установлено через {{seconds}} с после разъединения: удалённый доступ его не завершил.',
  'session.portKept': 'Подключение разъединено, но его порт не освободился за {{seconds}} с.',
  'session.releaseAsked':
    '(RasGetConnectStatus: {{seconds}} с спрашивали, освобождён ли порт после разъединения.)',

  'sim.readFailed': '(не удаётся прочитать {{file}}: {{reason}})',
  'sim.writeFailed': '(не удаётся записать {{file}}: {{reason}})',
  'sim.parseError': '{{file}}, строка {{line}}: {{problem}}',
  'sim.parseErrorMore': '{{file}}, строка {{line}}: {{problem}} (и ещё ошибок: {{more}})',
  'sim.unwritable':
    '{{file}}: символ нельзя записать в кодировке телефонной книги ({{encoding}}); ничего не записано.',
  'sim.credentialsUnreadable':
    'Не удаётся прочитать {{file}} ({{reason}}): сохранённые имена пользователей и пароли недоступны, ничего не сохранено.',
  'sim.credentialsDamaged':
    'Файл {{file}} повреждён ({{detail}}): сохранённые имена пользователей и пароли не читаются, ничего не сохранено. Исправьте или удалите файл (сохранённые учётные данные тогда пропадут).',
  'sim.notJson': 'это не правильный JSON',
  'sim.notObject': 'в нём нет объекта',
  'sim.noKeyStore':
    'Здесь нет хранилища ключей, чтобы надёжно сохранить пароль, поэтому он не сохранён; вводите его при подключении.',
  'sim.notPaused': '(набор не приостановлен)',
  'sim.notInTerminal': '(набор не ждёт ввода в окне терминала)',
  'sim.closing': '(программа закрывается)',
  'sim.serviceLate': '(имитируемая служба RAS не запустилась вовремя)',
  'sim.serviceStopped': '(имитируемая служба RAS остановилась)',
  'sim.serviceFailed': '(нет связи с имитируемой службой RAS: {{reason}})',
  'sim.serviceMissing': 'Файла {{script}} нет: соберите RAS Connect заново.',
  'sim.folderNotOwn':
    'Папка {{folder}} принадлежит не только этому пользователю (это должна быть папка, владелец — вы, права 700); имитируемая служба RAS не станет её использовать. Удалите её и повторите попытку.',

  'limit.noStruct': 'В struct-layout.ts нет структуры {{struct}}.',
  'limit.nul': 'Поле «{{field}}» содержит символ NUL (U+0000): Windows оборвёт значение на нём.',
  'limit.tooLong':
    'Поле «{{field}}» длиной {{length}} символов, а Windows допускает не больше {{max}}.',
  'limit.tooLongPairs':
    'Поле «{{field}}» длиной {{length}} символов (эмодзи и подобные знаки считаются за два), а Windows допускает не больше {{max}}.',
  'limit.dword': 'Поле «{{field}}» должно быть целым числом от 0 до 4294967295, а не {{value}}.',
  'limit.ipv4':
    'DNS-сервер {{address}} — не адрес IPv4 (четыре числа от 0 до 255, например 192.0.2.1).',
  'field.entryName': 'имя записи',
  'field.phonebookPath': 'путь к телефонной книге',
  'field.deviceType': 'тип устройства',
  'field.deviceName': 'имя устройства',
  'field.phoneNumber': 'номер телефона',
  'field.callbackNumber': 'номер для обратного вызова',
  'field.userName': 'имя пользователя',
  'field.password': 'пароль',
  'field.preSharedKey': 'общий ключ',
  'field.domain': 'домен',
  'field.areaCode': 'код города',
  'field.phoneOrServer': 'номер телефона или имя сервера',
  'field.scriptPath': 'путь к сценарию',
  'field.autodialDll': 'путь к DLL автонабора',
  'field.autodialFunction': 'имя функции автонабора',
  'field.x25PadType': 'тип PAD X.25',
  'field.x25Address': 'адрес X.25',
  'field.x25Facilities': 'дополнительные услуги X.25',
  'field.x25UserData': 'данные пользователя X.25',
  'field.customDialDll': 'путь к DLL своей программы набора',
  'field.dnsSuffix': 'DNS-суффикс',
  'field.prerequisitePbk': 'путь к телефонной книге предварительного подключения',
  'field.prerequisiteEntry': 'имя записи предварительного подключения',
  'field.ikeLocalId': 'локальное удостоверение IKEv2',
  'field.ikeRemoteId': 'удалённое удостоверение IKEv2',
  'field.alternateNumber': 'запасной номер {{index}}',
  'field.redialAttempts': 'число попыток повторного набора',
  'field.redialSeconds': 'время между попытками повторного набора',
  'field.vpnStrategy': 'тип VPN',
  'field.idleSeconds': 'время простоя до разъединения',
  'field.ipv4Metric': 'метрика IPv4',
  'field.ipv6Metric': 'метрика IPv6',
  'field.networkOutage': 'время перерыва в работе сети',
  'field.countryCode': 'код страны',
  'field.countryId': 'идентификатор страны',
  'field.eapType': 'тип EAP',
  'field.member': 'поле {{member}}',

  'provision.notVpn':
    '«{{entry}}» — не VPN-подключение; командлеты VpnClient создают только VPN-подключения.',
  'provision.syntax': 'Текст PowerShell не прочитан: строка {{line}}: {{problem}}.',
  'provision.ps.unclosedString': 'строка в кавычках не закрыта',
  'provision.ps.unclosedComment': 'блочный комментарий (<# … #>) не закрыт',
  'provision.ps.unclosedFunction': 'тело функции не закрыто',
  'provision.ps.expression': 'читаются только простые команды и значения, не выражения',
  'provision.ps.variableInString': 'в строке в кавычках есть переменная',
  'provision.ps.pipeline': 'конвейеры, перенаправления и блоки не читаются',
  'provision.ps.notCommand': 'это не имя команды',
  'provision.ps.unexpected': 'неожиданный символ',
  'provision.noAdd': 'Команда Add-VpnConnection не найдена.',
  'provision.manyAdds': 'Текст добавляет подключений: {{count}}; вставляйте по одному.',
  'provision.missing': 'строка {{line}}: Add-VpnConnection нужен параметр -{{parameter}}.',
  'provision.unknownParameter': 'строка {{line}}: у {{command}} нет параметра -{{parameter}}.',
  'provision.ambiguousParameter': 'строка {{line}}: -{{parameter}} может означать {{candidates}}.',
  'provision.twice': 'строка {{line}}: -{{parameter}} указан дважды.',
  'provision.needsText': 'строка {{line}}: для -{{parameter}} нужно значение.',
  'provision.extraValue': 'строка {{line}}: «{{value}}» не относится ни к одному параметру.',
  'provision.badValue': 'строка {{line}}: -{{parameter}} не принимает «{{value}}» ({{allowed}}).',
  'provision.plugIn':
    'строка {{line}}: профиль стороннего VPN (подключаемого модуля) — не запись телефонной книги.',
  'provision.note.customEncryption':
    'строка {{line}}: для -EncryptionLevel Custom нужна политика IPsec; запись требует обязательного шифрования.',
  'provision.note.machineCertificate':
    'строка {{line}}: вход по сертификату компьютера не поддерживается в этих записях; пропущен.',
  'provision.note.pskVariable':
    'строка {{line}}: общий ключ берётся из ${{name}}; введите его на вкладке «Безопасность».',
  'provision.note.eapConfig':
    'строка {{line}}: заданная конфигурация EAP здесь не читается; запись использует EAP-MSCHAP v2, пока вы её не измените.',
  'provision.note.serverList':
    'строка {{line}}: -ServerList не применён; запись подключается к {{server}}.',
  'provision.note.otherEntry':
    'строка {{line}}: {{command}} относится к другой записи; не применено.',
  'provision.note.unknownKey':
    'строка {{line}}: ключ телефонной книги {{key}} это приложение не задаёт; не применено.',
  'provision.note.route':
    'строка {{line}}: маршрут {{prefix}} не применён: Windows хранит маршруты VPN вне записи телефонной книги.',
  'provision.note.ipsec':
    'строка {{line}}: особая политика IPsec не применена; задайте её после сохранения командой Set-VpnConnectionIPsecConfiguration.',
  'provision.note.otherCommand': 'строка {{line}}: {{command}} не читается.',
  'provision.note.protocolList':
    'Запись перечисляет свои протоколы (ProtocolList); Windows хранит этот список вне записи телефонной книги.',
  'provision.xml.invalid': 'ProfileXML — неправильный XML: {{problem}}',
  'provision.xml.noProfile': 'В XML нет <VPNProfile>.',
  'provision.xml.plugIn':
    'Это профиль стороннего VPN (подключаемого модуля); он не запись телефонной книги.',
  'provision.xml.noServers': 'В ProfileXML не указан сервер (<NativeProfile><Servers>).',
  'provision.xml.badValue': '<{{element}}> не принимает «{{value}}» ({{allowed}}).',
  'provision.note.xmlIgnored': 'Не настройки телефонной книги, не применены: {{elements}}.',
  'provision.note.alwaysOn':
    'Профиль «всегда включён»: для него включено «Поддерживать подключение».',
  'provision.note.alternates': 'Остальные серверы ({{servers}}) становятся запасными адресами.',
  'provision.note.xmlMachineCertificate':
    'Профиль входит только по сертификату компьютера, а эти записи такого не предлагают.',
};

export const RU_APP_REMEDIES: Record<AppErrorCode, string> = {
  INVALID_INPUT: 'Проверьте введённые данные.',
  NOT_FOUND: 'Обновите список и повторите попытку.',
  ALREADY_ACTIVE: 'Дождитесь окончания текущей попытки или сначала разъедините подключение.',
  NOT_PAUSED: 'Подключение больше не ждёт этого ответа.',
  NOT_REDIALING:
    'Подключение больше не ждёт повторного набора: оно уже набирается снова или завершено.',
  HANGUP_TIMEOUT:
    'Подождите немного; если подключение всё ещё видно, перезапустите службу удалённого доступа.',
  PHONEBOOK_CHANGED:
    'Другая программа изменила телефонную книгу после того, как вы её открыли; она прочитана заново. Проверьте запись и сохраните ещё раз.',
  PHONEBOOK_INVALID:
    'Исправьте в текстовом редакторе строку, названную в сообщении, и откройте телефонную книгу снова.',
  UNSUPPORTED:
    'Для этого нужен удалённый доступ Windows; в этой системе пользуйтесь симулятором сервера.',
  CANCELLED: 'Подключитесь снова, когда будете готовы.',
  FILE_EXISTS: 'Выберите другой файл или подтвердите, что существующий можно заменить.',
  INTERNAL: 'Сообщите об этой проблеме, приложив диагностику.',
};
